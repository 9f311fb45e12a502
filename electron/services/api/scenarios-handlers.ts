/** Saved designs (scenarios:*) over the database. */
import { randomUUID } from 'node:crypto';
import { parseScenario } from '../../../engine/index.ts';
import { deleteScenario, getScenario, listScenarios, saveScenario, type RunDatabase } from '../db/index.ts';
import { err, noDb, ok, type Handlers } from './results.ts';

/** The scenarios:* methods. */
export function scenariosHandlers(db: RunDatabase | null): Handlers<'scenarios:list' | 'scenarios:save' | 'scenarios:get' | 'scenarios:delete'> {
  return {
    'scenarios:list': () => (db ? ok(listScenarios(db).map((s) => ({ id: s.id, name: s.name, updatedAt: new Date(s.updatedAt).toISOString() }))) : noDb),
    'scenarios:save': (p) => {
      if (!db) return noDb;
      const r = parseScenario(p.scenario);
      if (!r.ok) return err('bad-scenario', 'the scenario has problems', { problems: r.problems });
      const id = p.id ?? randomUUID();
      saveScenario(db, { id, name: r.scenario.name, json: JSON.stringify(p.scenario) }, Date.now());
      return ok({ id });
    },
    'scenarios:get': (p) => {
      if (!db) return noDb;
      const s = getScenario(db, p.id);
      return s ? ok({ id: s.id, scenario: JSON.parse(s.json) as unknown }) : err('not-found', `no saved scenario "${p.id}"`);
    },
    'scenarios:delete': (p) => (db ? ok({ deleted: deleteScenario(db, p.id) }) : noDb),
  };
}
