/** The templates shipped with the app; pressing one loads it (asking first if there are unsaved changes). */
import { useEffect, useState } from 'react';
import type { TemplateInfo } from '../../../engine/index.ts';
import { useApi } from '../api/context.tsx';
import { useDocFiles } from '../design/doc-files.ts';
import { useLab } from '../store/context.tsx';
import { isRunLive } from '../store/sim-slice.ts';

/** The templates section of the palette. */
export function Templates() {
  const api = useApi();
  const files = useDocFiles();
  const isLocked = useLab((s) => isRunLive(s.live));
  const [list, setList] = useState<TemplateInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('templates:list').then((r) => {
      if (!live) return;
      if (r.ok) setList([...r.value].sort((a, b) => a.file.localeCompare(b.file)));
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api]);
  return (
    <section className="templates" aria-labelledby="templates-title">
      <h2 className="pane-title" id="templates-title">
        Templates
      </h2>
      {error && <p className="pane-hint error-text">Templates unavailable: {error}</p>}
      {list === null && !error && <p className="pane-hint">Loading…</p>}
      <ul className="template-list">
        {list?.map((t) => (
          <li key={t.file}>
            <button type="button" className="template-item" disabled={isLocked} title={isLocked ? 'Stop the run to open another lab' : t.description} onClick={() => void files.loadTemplate(t.file)}>
              {t.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
