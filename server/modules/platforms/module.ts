/** WeCom / DingTalk / Feishu apps: connections, sign-in, personal messages and cards, contact sync, sidebar. */
import { defineModule } from '../../core/module.js';
import { nightlySyncJob } from './job.js';
import { APP_KINDS, deliverAppRow, personalMessages } from './notify.js';
import { platformRoutes } from './routes.js';

export const platformsModule = defineModule({
  name: 'platforms',
  routes: platformRoutes,
  jobs: [nightlySyncJob],
  hooks: {
    'notifications.personal': personalMessages,
    'notifications.appDelivery': { kinds: APP_KINDS, deliver: deliverAppRow },
  },
});
