/** Messages to the user: errors (with one line per problem) and confirmations. */
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../store/context.tsx';

/** The notice stack. */
export function Notices() {
  const notices = useLab(useShallow((s) => s.notices));
  const dismiss = useLab((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
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
      ))}
    </div>
  );
}
