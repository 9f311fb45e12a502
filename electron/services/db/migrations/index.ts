/** Every schema migration, in the order they run. A new one is appended here, never inserted. */
import { migration as initial } from './0010-initial.ts';
import { migration as applicationId } from './0020-application-id.ts';
import { migration as outageList } from './0030-session-outage-list.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/** All migrations, ascending by version. */
export const MIGRATIONS: readonly Migration[] = [initial, applicationId, outageList];

/** The schema version this build writes. */
export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;
