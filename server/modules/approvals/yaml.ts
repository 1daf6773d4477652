/** YAML ⇄ approval route definition, with line-precise errors through the shared pipelines helper. Pure. */
import { Document } from 'yaml';
import { validateYamlWith } from '../pipelines/yaml.js';
import { routeDefinitionSchema, type RouteDefinition } from './definition.js';

export function validateRouteYaml(text: string) {
  return validateYamlWith(text, routeDefinitionSchema, 'the document must be a mapping with kind, name and branches');
}

/** Serialises a definition; `validateRouteYaml` of the output gives back an equal definition. */
export function routeToYaml(def: RouteDefinition): string {
  return new Document(def).toString({ lineWidth: 0 });
}
