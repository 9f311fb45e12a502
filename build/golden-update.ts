/**
 * Re-pins the golden expectations from the current engine. Run it only for a deliberate change
 * of model behaviour, and say in the commit message that fingerprints moved and why. It prints
 * what changed per template, and refuses (changing nothing) when a template no longer keeps the
 * promises of its description, or when fingerprints move while ENGINE_VERSION stays the same.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brokenClaims, ENGINE_VERSION, expectedPath, HISTORY_FILE, pinned, readHistory, runTemplate, templateFiles } from '../test/golden/golden.ts';

const history = readHistory();
const known = history[ENGINE_VERSION];
const writes: [string, string][] = [];
const fingerprints: Record<string, string> = {};
const refusals: string[] = [];

for (const file of templateFiles()) {
  const res = runTemplate(file);
  const now = pinned(res);
  const path = expectedPath(file);
  const before = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>) : {};
  const changes = diff(before, now);
  console.log(changes.length === 0 ? `= ${file}` : `~ ${file}\n${changes.map((l) => `    ${l}`).join('\n')}`);
  for (const claim of brokenClaims(file, res)) refusals.push(`${file}: no longer true: ${claim}`);
  if (known?.[file] !== undefined && known[file] !== res.summary.fingerprint) {
    refusals.push(`${file}: fingerprint ${known[file]} → ${res.summary.fingerprint} under the same engine version ${ENGINE_VERSION}: bump ENGINE_VERSION in engine/version.ts`);
  }
  fingerprints[file] = res.summary.fingerprint;
  writes.push([path, `${JSON.stringify(now, null, 2)}\n`]);
}

if (refusals.length > 0) {
  console.error(`\nNothing pinned:\n${refusals.map((r) => `  ${r}`).join('\n')}`);
  process.exit(1);
}
for (const [path, text] of writes) writeFileSync(path, text);
history[ENGINE_VERSION] = fingerprints;
writeFileSync(HISTORY_FILE, `${JSON.stringify(history, null, 2)}\n`);
console.log(`\npinned ${writes.length} templates for engine ${ENGINE_VERSION}`);

/** Lines `path: old → new` for every leaf that differs. */
function diff(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`];
}
