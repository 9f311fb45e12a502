/** Saved designs (scenarios:*) over the database. */
import { randomUUID } from 'node:crypto';
import { parseScenario, type ApiResult } from '../../../engine/index.ts';
import { deleteScenario, getScenario, listScenarios, saveScenario } from '../db/repos/scenarios.ts';
import type { RunDatabase } from '../db/index.ts';

const noDb: ApiResult<never> = { ok: false, error: { code: 'database', message: 'no run database is open' } };

/** The scenarios:* methods. */
export function scenariosHandlers(db: RunDatabase | null) {
  return {
    'scenarios:list': () => (db ? { ok: true as const, value: listScenarios(db).map((s) => ({ id: s.id, name: s.name, updatedAt: new Date(s.updatedAt).toISOString() })) } : noDb),
    'scenarios:save': (p: { id?: string; scenario: unknown }) => {
      if (!db) return noDb;
      const r = parseScenario(p.scenario);
      if (!r.ok) return { ok: false as const, error: { code: 'bad-scenario' as const, message: 'the scenario has problems', problems: r.problems } };
      const id = p.id ?? randomUUID();
      saveScenario(db, { id, name: r.scenario.name, json: JSON.stringify(p.scenario) }, Date.now());
      return { ok: true as const, value: { id } };
    },
    'scenarios:get': (p: { id: string }) => {
      if (!db) return noDb;
      const s = getScenario(db, p.id);
      return s ? { ok: true as const, value: { id: s.id, scenario: JSON.parse(s.json) as unknown } } : { ok: false as const, error: { code: 'not-found' as const, message: `no saved scenario "${p.id}"` } };
    },
    'scenarios:delete': (p: { id: string }) => (db ? { ok: true as const, value: { deleted: deleteScenario(db, p.id) } } : noDb),
  };
}
