/** The scenario templates the app ships (assets/scenarios), listed and read by file name. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../paths.ts';
import type { TemplateInfo } from '../../../engine/index.ts';

/** The shipped templates folder. */
export const TEMPLATES_DIR = fromRoot('assets', 'scenarios');

/** Every template, in file order, with the name and description from the file. */
export function listTemplates(dir = TEMPLATES_DIR): TemplateInfo[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.srlab.json'))
    .sort()
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { name?: string; description?: string };
      return { file, name: json.name ?? file, description: json.description ?? '' };
    });
}

/** A template's JSON, or undefined when no template has that file name (no paths accepted). */
export function readTemplate(file: string, dir = TEMPLATES_DIR): unknown {
  if (!listTemplates(dir).some((t) => t.file === file)) return undefined;
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
}
