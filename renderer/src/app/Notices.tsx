/**
 * Messages to the user: errors (with one line per problem) and confirmations. Confirmations go
 * by themselves after a few seconds (not while the pointer rests on them); errors stay until
 * dismissed, since they say what to fix. At most {@link MAX_SHOWN} are shown, newest last, so
 * the stack never grows over the panels beneath it.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../store/context.tsx';
import type { Notice } from '../store/types.ts';

/** How long a confirmation stays, ms. */
export const INFO_MS = 6000;
/** Most notices shown at once (older ones are dropped from view and from the store). */
export const MAX_SHOWN = 3;

/** The notice stack. */
export function Notices() {
  const notices = useLab(useShallow((s) => s.notices));
  const dismiss = useLab((s) => s.dismiss);
  const hidden = notices.slice(0, Math.max(0, notices.length - MAX_SHOWN));
  useEffect(() => {
    for (const n of hidden) dismiss(n.id);
  }, [hidden, dismiss]);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.slice(-MAX_SHOWN).map((n) => (
        <NoticeItem key={n.id} notice={n} dismiss={dismiss} />
      ))}
    </div>
  );
}

function NoticeItem({ notice: n, dismiss }: { notice: Notice; dismiss: (id: number) => void }) {
  const [isHeld, setHeld] = useState(false);
  useEffect(() => {
    if (n.kind === 'error' || isHeld) return;
    const t = setTimeout(() => dismiss(n.id), INFO_MS);
    return () => clearTimeout(t);
  }, [n.id, n.kind, isHeld, dismiss]);
  return (
    <div className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'} onMouseEnter={() => setHeld(true)} onMouseLeave={() => setHeld(false)}>
      <div className="notice-text">{n.text}</div>
      {n.lines && n.lines.length > 0 && (
        <ul className="notice-lines">
          {n.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
      <button type="button" className="notice-close" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
        ×
      </button>
    </div>
  );
}
