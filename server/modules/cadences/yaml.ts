/** YAML ⇄ cadence definition, with line-precise errors through the shared pipelines helper. Pure. */
import { Document } from 'yaml';
import { validateYamlWith } from '../pipelines/yaml.js';
import { cadenceDefinitionSchema, type CadenceDefinition } from './definition.js';

export function validateCadenceYaml(text: string) {
  return validateYamlWith(text, cadenceDefinitionSchema, 'the document must be a mapping with key, name and steps');
}

/** Serialises a definition; `validateCadenceYaml` of the output gives back an equal definition. */
export function cadenceToYaml(def: CadenceDefinition): string {
  return new Document(def).toString({ lineWidth: 0 });
}
