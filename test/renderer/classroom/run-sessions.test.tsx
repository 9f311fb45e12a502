/** A stored run's page keeps its sessions table and gains a session timeline (issue 10 §2, the part needing no engine snapshots). */
import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { RECOVERY_COLORS, runScenario, type SessionOutcome } from '../../../engine/index.ts';
import { RunSessions } from '../../../renderer/src/runs/RunSessions.tsx';
import { outagesOf, timelineLanes, timelineOption } from '../../../renderer/src/runs/session-timeline.ts';
import { failedWords, outcomeSplit } from '../../../renderer/src/runs/outcome-words.ts';
import { renderWith, templateScenario } from '../live/helpers.tsx';

const THEME = { text: '#000', muted: '#555', border: '#ddd', panel: '#fff', danger: '#c00', isDark: false };
const run07 = runScenario(templateScenario('07'));

describe('the session timeline', () => {
  it('gives sessions with outages the first lanes and one bar per outage, coloured by what ended it', () => {
    const lanes = timelineLanes(run07.sessions);
    const hit = run07.sessions.filter((s) => s.outages > 0 || s.failed).length;
    expect(lanes.slice(0, hit).every((s) => s.outages > 0 || s.failed)).toBe(true);
    const option = timelineOption(lanes, run07.summary.durationMs, THEME) as { series: { data: number[][] }[] };
    const bars = option.series[1]!.data;
    const spans = lanes.flatMap((s) => outagesOf(s) ?? []);
    expect(bars).toHaveLength(spans.length);
    expect(spans.length).toBeGreaterThan(0);
    for (const [i, span] of spans.entries()) expect(bars[i]!.slice(1, 3)).toEqual([span.startMs, span.endMs]);
  });

  it('draws nothing it does not know: a run stored without outage times says so', () => {
    const old = run07.sessions.map(({ outageList: _drop, ...rest }) => rest as SessionOutcome);
    renderWith(<RunSessions sessions={old} durationMs={60_000} />);
    expect(screen.getByText(/stored without each outage's start and end/)).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Sessions of the run' })).getAllByRole('row')).toHaveLength(old.length + 1);
  });

  it('keeps the sessions table, saying how each failed session ended', () => {
    renderWith(<RunSessions sessions={run07.sessions} durationMs={run07.summary.durationMs} />);
    const table = screen.getByRole('table', { name: 'Sessions of the run' });
    const reconnected = run07.sessions.filter((s) => s.failed && s.recoveredBy === 'new-session');
    expect(within(table).getAllByText(/reconnected as #/)).toHaveLength(reconnected.length);
    expect(screen.getByRole('img', { name: /Session timeline/ })).toBeTruthy();
    expect(RECOVERY_COLORS['new-session']).toBeTruthy();
  });
});

describe('failed sessions in words (template 07)', () => {
  it('says how many failed and how many of them reconnected, never "0 recovered" beside "recovered by new-session"', () => {
    const s = run07.summary.sessions;
    const split = outcomeSplit(s);
    expect(split.reconnected + split.lost).toBe(s.failed);
    expect(split.recoveredBy.some(([k]) => k === 'new-session')).toBe(false);
    const words = failedWords(s);
    expect(words.startsWith(`${s.failed} failed`)).toBe(true);
    if (split.reconnected > 0 && split.lost > 0) expect(words).toBe(`${s.failed} failed; ${split.reconnected} of them reconnected as new sessions, ${split.lost} never came back`);
  });
});

describe('the run page fault list', () => {
  it('is in time order, whatever order the run logged the faults in', async () => {
    const { inTimeOrder } = await import('../../../renderer/src/runs/RunSections.tsx');
    const log = [
      { atMs: 20_000, source: 'scheduled' },
      { atMs: 5_000, source: 'live' },
      { atMs: 20_000, source: 'live' },
    ];
    expect(inTimeOrder(log)).toEqual([log[1], log[0], log[2]]);
  });
});
