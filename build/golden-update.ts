/**
 * Re-pins the golden expectations from the current engine. Run it only for a deliberate change
 * of model behaviour, and say in the commit message that fingerprints moved and why.
 */
import { writeFileSync } from 'node:fs';
import { EXPECTED_DIR, pinned, runTemplate, templateFiles } from '../test/golden/golden.ts';

for (const file of templateFiles()) {
  const out = `${EXPECTED_DIR}${file.replace('.srlab.json', '.json')}`;
  writeFileSync(out, `${JSON.stringify(pinned(runTemplate(file)), null, 2)}\n`);
  console.log(`pinned ${file}`);
}
