/*
 * The fake Electron bridge for the screenshots: `window.srlab` answering the API from the
 * fixtures (make-fixtures.ts). Plain JavaScript, installed as-is with page.addInitScript
 * (a bundled TypeScript function would carry helper calls that do not exist in the page).
 * Expects `window.__fixtures`; `window.__play(n, state)` pushes the first n live snapshots.
 */
(() => {
  const fx = window.__fixtures;
  const listeners = new Map();
  const ok = (value) => Promise.resolve({ ok: true, value });
  const emit = (event, payload) => listeners.get(event)?.forEach((cb) => cb(structuredClone(payload)));
  let last = null;
  window.__play = (n, state) => {
    for (let i = 0; i < n; i++) {
      const s = { ...fx.snapshots[i] };
      if (i === n - 1 && state) s.state = state;
      last = s;
      emit('sim:snapshot', s);
    }
  };
  const answers = {
    'app:info': () => ({ version: '0.1.0', engineVersion: 'fixture', database: null, host: 'electron', assumptions: fx.assumptions }),
    'templates:list': () => fx.templates,
    'templates:get': () => fx.template,
    'scenarios:list': () => [],
    'sim:state': () => null,
    'sim:pause': () => last,
    'sim:resume': () => last,
    'sim:step': () => last,
    'sim:sessions': (p) => fx.sessions[p.router] ?? [],
    'runs:list': () => fx.runs,
    'runs:get': (p) => fx.details[p.id],
    'runs:sessions': (p) => fx.runSessions[p.id] ?? [],
    'runs:compare': () => fx.comparison,
    'runs:export': () => ({ filename: 'report.html', mime: 'text/html', content: '<html></html>' }),
  };
  window.srlab = {
    call(method, params) {
      const a = answers[method];
      return ok(a ? a(params ?? {}) : null);
    },
    on(event, cb) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(cb);
      return () => listeners.get(event).delete(cb);
    },
  };
})();
