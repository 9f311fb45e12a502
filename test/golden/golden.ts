/** Shared by the golden test and `npm run golden:update`: what a template run pins. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseScenarioText, Simulation, type RunResult } from '../../engine/index.ts';

/** Folder of the shipped templates. */
export const TEMPLATE_DIR = fileURLToPath(new URL('../../assets/scenarios/', import.meta.url));
/** Folder of the pinned expectations. */
export const EXPECTED_DIR = fileURLToPath(new URL('./expected/', import.meta.url));

/** The template files, in order. */
export function templateFiles(): string[] {
  return readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.srlab.json')).sort();
}

/** Runs one template file. */
export function runTemplate(file: string): RunResult {
  const r = parseScenarioText(readFileSync(TEMPLATE_DIR + file, 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return new Simulation(r.scenario).run();
}

/** The fingerprint and key KPIs a golden file pins. */
export function pinned(res: RunResult): Record<string, unknown> {
  const s = res.summary;
  return {
    fingerprint: s.fingerprint,
    events: s.events,
    sessions: s.sessions,
    packets: s.packets,
    control: s.control,
    exposure: s.exposure,
  };
}
