/**
 * The authority's recovery mode, which every router without an override shows. LabCanvas reads
 * it once and provides it, rather than every router on a big canvas subscribing to the store
 * for it (each subscriber costs a selector call on every snapshot).
 */
import { createContext, useContext, useMemo } from 'react';
import { AUTHORITY_DEFAULTS } from '../design/doc-model.ts';
import { useLab } from '../store/context.tsx';

/** The authority's session-recovery-detection mode and inactivity timeout. */
export interface AuthorityMode {
  mode: string;
  timeoutSec: number;
}

const DEFAULT_MODE: AuthorityMode = {
  mode: AUTHORITY_DEFAULTS.sessionRecoveryDetection.mode,
  timeoutSec: AUTHORITY_DEFAULTS.sessionRecoveryDetection.inactivityTimeoutSec,
};

/** Provided by LabCanvas. */
export const AuthorityModeContext = createContext<AuthorityMode>(DEFAULT_MODE);

/** The lab's authority mode, from the store (for the provider). */
export function useLabAuthorityMode(): AuthorityMode {
  const mode = useLab((s) => s.doc.authority?.sessionRecoveryDetection?.mode ?? DEFAULT_MODE.mode);
  const timeoutSec = useLab((s) => s.doc.authority?.sessionRecoveryDetection?.inactivityTimeoutSec ?? DEFAULT_MODE.timeoutSec);
  return useMemo(() => ({ mode, timeoutSec }), [mode, timeoutSec]);
}

/** The authority mode, for a router on the canvas. */
export function useAuthorityMode(): AuthorityMode {
  return useContext(AuthorityModeContext);
}
