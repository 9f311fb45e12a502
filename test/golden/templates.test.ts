import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { brokenClaims, ENGINE_VERSION, expectedPath, failedObjectives, loadTemplate, pinned, readHistory, runTemplate, templateFiles } from './golden.ts';

describe('golden templates', () => {
  const history = readHistory();
  for (const file of templateFiles()) {
    describe(file, () => {
      const res = runTemplate(file);
      it('does what its description tells the user to look at', () => {
        expect(brokenClaims(file, res)).toEqual([]);
      });
      it('states its lesson as objectives, and passes them (what srlab check grades)', () => {
        expect(loadTemplate(file).objectives?.length ?? 0).toBeGreaterThan(0);
        expect(failedObjectives(file, res)).toEqual([]);
      });
      it('keeps the fingerprint its engine version pinned (a fingerprint moves only with ENGINE_VERSION)', () => {
        const known = history[ENGINE_VERSION]?.[file];
        expect(known, `engine ${ENGINE_VERSION} has no pinned fingerprint for ${file}: run npm run golden:update`).toBeDefined();
        expect(res.summary.fingerprint, `the fingerprint moved without an ENGINE_VERSION change: bump engine/version.ts, then npm run golden:update`).toBe(known);
      });
      it('keeps its pinned fingerprint and KPIs', () => {
        const path = expectedPath(file);
        expect(existsSync(path), `run npm run golden:update to pin ${file}`).toBe(true);
        expect(pinned(res)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
      });
      it('gives the same fingerprint when run again', () => {
        expect(runTemplate(file).summary.fingerprint).toBe(res.summary.fingerprint);
      });
    });
  }
});
