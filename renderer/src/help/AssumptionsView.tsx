/**
 * The model's stated assumptions, grouped by section of the model: what the emulator does where
 * public documentation of the router is silent. Each has an anchor (`#assumption-<id>`) so the
 * event log and reports can point at one; the view scrolls to `assumptionFocus` when set.
 */
import { useEffect, useMemo, useState } from 'react';
import { ASSUMPTIONS, type Assumption } from '../../../engine/index.ts';
import { useLab } from '../store/context.tsx';
import { SECTION_TITLES, compareSections } from './assumption-links.ts';
import { ModelRules } from './ModelRules.tsx';
import '../live.css';

/** The anchor id of an assumption. */
export function assumptionAnchor(id: string): string {
  return `assumption-${id}`;
}

function matches(a: Assumption, q: string): boolean {
  return q === '' || [a.title, a.text, a.knob ?? '', a.id, a.section].some((x) => x.toLowerCase().includes(q));
}

/** The Assumptions view. */
export function AssumptionsView() {
  const focus = useLab((s) => s.assumptionFocus);
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const groups = useMemo(() => {
    const bySection = new Map<string, Assumption[]>();
    for (const a of ASSUMPTIONS) if (matches(a, q)) bySection.set(a.section, [...(bySection.get(a.section) ?? []), a]);
    return [...bySection.entries()].sort(([x], [y]) => compareSections(x, y));
  }, [q]);

  useEffect(() => {
    if (!focus) return;
    document.getElementById(assumptionAnchor(focus))?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [focus]);

  return (
    <main className="page assumptions" aria-label="Assumptions">
      <div className="page-head">
        <h1>Model assumptions</h1>
        <span className="spacer" />
        <label className="field">
          <span>Filter</span>
          <input type="search" value={query} placeholder="word, setting or id" onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <p className="muted intro">
        Where public documentation of the real router is silent, this is what the emulator does. <span className="badge src-spec">spec</span> items come from the model contract;{' '}
        <span className="badge src-engine">engine decision</span> items are choices the engine made where the contract is thin. A <code>setting</code> names the scenario field that changes the
        behaviour.
      </p>
      <ModelRules />
      {groups.length === 0 && <p className="empty">No assumption matches “{query}”.</p>}
      {groups.map(([section, items]) => (
        <section key={section} className="section" aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`}>
            <span className="section-no">{section}</span> {SECTION_TITLES[section] ?? ''}
          </h2>
          {items.map((a) => (
            <article key={a.id} id={assumptionAnchor(a.id)} className={`assumption${a.id === focus ? ' is-focused' : ''}`} aria-labelledby={`${assumptionAnchor(a.id)}-title`}>
              <h3 id={`${assumptionAnchor(a.id)}-title`}>
                {a.title}
                <span className={`badge src-${a.source}`}>{a.source === 'spec' ? 'spec' : 'engine decision'}</span>
              </h3>
              <p>{a.text}</p>
              {a.knob && (
                <p className="knob">
                  Setting: <code>{a.knob}</code>
                </p>
              )}
            </article>
          ))}
        </section>
      ))}
    </main>
  );
}
