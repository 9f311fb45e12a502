/**
 * The first schema. Every table is STRICT (types are checked, not just suggested); a run's
 * results hang off `runs` with ON DELETE CASCADE so deleting a run is one statement. Times are
 * ms since the Unix epoch (UTC); virtual times keep the engine's units (ms, or µs for events).
 */
import type { Migration } from './types.ts';

const STATUS = `'running', 'completed', 'stopped', 'failed', 'interrupted'`;

const SQL = `
CREATE TABLE scenarios (
  id          TEXT    NOT NULL PRIMARY KEY,
  name        TEXT    NOT NULL,
  json        TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX scenarios_by_name ON scenarios (name);

CREATE TABLE sweeps (
  id          TEXT    NOT NULL PRIMARY KEY,
  spec_json   TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  finished_at INTEGER,
  status      TEXT    NOT NULL CHECK (status IN (${STATUS})),
  owner_pid   INTEGER NOT NULL,
  owner_host  TEXT    NOT NULL
) STRICT;
CREATE INDEX sweeps_by_created ON sweeps (created_at);
CREATE INDEX sweeps_running ON sweeps (status) WHERE status = 'running';

CREATE TABLE runs (
  id                  TEXT    NOT NULL PRIMARY KEY,
  scenario_name       TEXT    NOT NULL,
  scenario_json       TEXT    NOT NULL,
  seed                INTEGER NOT NULL,
  duration_ms         REAL    NOT NULL,
  engine_version      TEXT    NOT NULL,
  fingerprint         TEXT,
  status              TEXT    NOT NULL CHECK (status IN (${STATUS})),
  source              TEXT    NOT NULL CHECK (source IN ('cli', 'app', 'sweep')),
  sweep_id            TEXT    REFERENCES sweeps (id) ON DELETE SET NULL,
  label               TEXT,
  notes               TEXT,
  started_at          INTEGER NOT NULL,
  finished_at         INTEGER,
  wall_ms             REAL,
  events              INTEGER,
  summary_json        TEXT,
  error               TEXT,
  stopped_at_us       INTEGER,
  owner_pid           INTEGER NOT NULL,
  owner_host          TEXT    NOT NULL,
  event_log_count     INTEGER NOT NULL DEFAULT 0,
  event_log_truncated INTEGER NOT NULL DEFAULT 0 CHECK (event_log_truncated IN (0, 1)),
  -- A run is only ever 'completed' with its results: the guard against a half-stored run.
  CHECK (status <> 'completed' OR (fingerprint IS NOT NULL AND summary_json IS NOT NULL AND finished_at IS NOT NULL))
) STRICT;
CREATE INDEX runs_by_started ON runs (started_at);
CREATE INDEX runs_by_scenario ON runs (scenario_name, started_at);
CREATE INDEX runs_by_status ON runs (status, started_at);
CREATE INDEX runs_by_sweep ON runs (sweep_id) WHERE sweep_id IS NOT NULL;

CREATE TABLE run_faults (
  run_id      TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,
  at_ms       REAL    NOT NULL,
  source      TEXT    NOT NULL CHECK (source IN ('scheduled', 'live')),
  fault_json  TEXT    NOT NULL,
  PRIMARY KEY (run_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_counters (
  run_id      TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  router_ord  INTEGER NOT NULL,
  router      TEXT    NOT NULL,
  path_ord    INTEGER NOT NULL,
  path        TEXT    NOT NULL,
  value       INTEGER NOT NULL,
  PRIMARY KEY (run_id, router_ord, path_ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_sessions (
  run_id          TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  session_id      INTEGER NOT NULL,
  traffic         TEXT    NOT NULL,
  client          TEXT    NOT NULL,
  server          TEXT    NOT NULL,
  protocol        TEXT    NOT NULL CHECK (protocol IN ('tcp', 'udp')),
  client_port     INTEGER NOT NULL,
  start_ms        REAL    NOT NULL,
  end_ms          REAL,
  sent            INTEGER NOT NULL,
  delivered       INTEGER NOT NULL,
  lost            INTEGER NOT NULL,
  outages         INTEGER NOT NULL,
  outage_total_ms REAL    NOT NULL,
  outage_max_ms   REAL    NOT NULL,
  recovered_by    TEXT,
  failed          INTEGER NOT NULL CHECK (failed IN (0, 1)),
  gave_up         INTEGER NOT NULL CHECK (gave_up IN (0, 1)),
  successor       INTEGER,
  PRIMARY KEY (run_id, session_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX run_sessions_worst ON run_sessions (run_id, outage_max_ms DESC, outage_total_ms DESC);

-- One row per metric: the samples as a BLOB of little-endian Float64 (see series-codec.ts).
CREATE TABLE run_series (
  run_id  TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  name    TEXT    NOT NULL,
  ord     INTEGER NOT NULL,
  samples INTEGER NOT NULL,
  data    BLOB    NOT NULL,
  PRIMARY KEY (run_id, name)
) STRICT;

CREATE TABLE run_checkpoints (
  run_id      TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  t_ms        REAL    NOT NULL,
  events      INTEGER NOT NULL,
  fingerprint TEXT    NOT NULL,
  PRIMARY KEY (run_id, t_ms)
) STRICT, WITHOUT ROWID;

-- The rowid is the event's order in the run (trace events arrive in time order). One index
-- only: filters by kind or node scan a run's events in time order (at most 200 000, a few ms in
-- SQLite), while a second index (run_id, kind, t_us) cost ~30% of the bulk insert rate.
CREATE TABLE run_events (
  id          INTEGER PRIMARY KEY,
  run_id      TEXT    NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  t_us        INTEGER NOT NULL,
  node        TEXT    NOT NULL,
  kind        TEXT    NOT NULL,
  session     INTEGER NOT NULL,
  detail_json TEXT    NOT NULL
) STRICT;
CREATE INDEX run_events_by_time ON run_events (run_id, t_us);
`;

/** Schema 10: every table and index of the first release. */
export const migration: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
