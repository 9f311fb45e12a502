/** Scenario files: schema, loading with plain-words problems, `--set` paths, JSON Schema. */
export {
  AuthoritySchema,
  DEFAULT_SOFTWARE_VERSION,
  FaultSchema,
  isRouter,
  isRouterKind,
  LinkSchema,
  MAX_DURATION_MS,
  NodeSchema,
  SCENARIO_FORMAT,
  SCENARIO_FORMAT_VERSION,
  ScenarioSchema,
  TrafficSchema,
} from './schema.ts';
export type {
  Authority,
  BfdOverride,
  Fault,
  FaultType,
  HostNode,
  NodeKind,
  Position,
  RecoveryMode,
  RouterNode,
  Scenario,
  ScenarioLink,
  ScenarioNode,
  SessionRecoveryOverride,
  TrafficDef,
} from './schema.ts';
export { formatPath, ROOT_PATH } from './issues.ts';
export type { ScenarioProblem } from './issues.ts';
export { NOT_A_SCENARIO, parseScenario, parseScenarioText } from './load.ts';
export type { ScenarioResult } from './load.ts';
export { crossCheck } from './validate.ts';
export { applySet, applyVaryValues, parseAssignment, parsePath, parseValue } from './set-path.ts';
export type { Assignment, PathSegment } from './set-path.ts';
export { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from './json-schema.ts';
export { checkObjectives, METRIC_PATHS, OBJECTIVE_OPS, ObjectiveSchema, ROUTER_METRIC, SERIES_NAMES, SERIES_STATS } from './objectives.ts';
export type { Objective, ObjectiveExpect, ObjectiveOp, ObjectiveWindow } from './objectives.ts';
