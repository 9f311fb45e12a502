/** The links of a node, each a button that selects it (handy where links overlap on the canvas). */
import { useShallow } from 'zustand/react/shallow';
import { nodeName } from '../design/doc-model.ts';
import { useLab, useLabStore } from '../store/context.tsx';

/** The "Links" list of a node. */
export function NodeLinks({ id }: { id: string }) {
  const store = useLabStore();
  const rows = useLab(
    useShallow((s) =>
      (s.doc.links ?? [])
        .filter((l) => l.a === id || l.b === id)
        .map((l) => {
          const other = l.a === id ? l.b : l.a;
          return `${l.id}\u0000${nodeName(
            s.doc.nodes.find((n) => n.id === other),
            other,
          )}\u0000${l.latencyMs ?? 1}`;
        }),
    ),
  );
  return (
    <section className="inspector-section">
      <h3>Links</h3>
      {rows.length === 0 && <p className="insp-muted">None yet: drag from this node's edge to another node.</p>}
      <ul className="insp-list">
        {rows.map((r) => {
          const [linkId = '', other, latency] = r.split('\u0000');
          return (
            <li key={linkId}>
              <button type="button" className="insp-item" onClick={() => store.getState().select([], [linkId])}>
                <code>{linkId}</code> to {other} · {latency} ms
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
