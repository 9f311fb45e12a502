#!/usr/bin/env node
// `npm start`. Until the lab's window and browser host exist, it runs the built-in
// Spoke-and-Hub lab headless and says so; the desktop shell replaces this.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const lab = join(root, 'assets', 'scenarios', '01-spoke-and-hub-session-loss-packet-based.srlab.json');
console.error('The visual lab is not built yet, so npm start runs the built-in Spoke-and-Hub lab in the terminal.\n');
const r = spawnSync(process.execPath, [join(root, 'electron', 'cli', 'srlab.mjs'), 'run', lab, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
