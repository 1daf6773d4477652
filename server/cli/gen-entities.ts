/** `npm run gen:entities`: writes the web app's copy of the record registry (core/entities-web.ts). */
import { writeFileSync } from 'node:fs';
import { renderWebEntities, WEB_ENTITIES_FILE } from '../core/entities-web.js';

writeFileSync(WEB_ENTITIES_FILE, renderWebEntities());
console.log(`wrote ${WEB_ENTITIES_FILE}`);
