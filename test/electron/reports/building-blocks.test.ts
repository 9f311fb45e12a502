import { describe, expect, it } from 'vitest';
import { esc, html, trusted } from '../../../electron/services/reports/html.ts';
import { dur, relPct } from '../../../electron/services/reports/format.ts';
import { trailingMean, startupClip } from '../../../electron/services/reports/charts.ts';
import { layoutNodes, topologyChart } from '../../../electron/services/reports/topology.ts';
import { scenarioFrom, templateJson } from '../../engine/compare/template-runs.ts';

describe('html', () => {
  it('escapes interpolated text but not nested html or trusted markup', () => {
    const name = '<a href="x">&</a>';
    expect(html`<p>${name}${html`<b>${'<'}</b>`}${trusted('<i></i>')}</p>`.text).toBe('<p>&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;<b>&lt;</b><i></i></p>');
  });
  it('drops null, undefined and false, and joins lists', () => {
    expect(html`${null}${undefined}${false}${['a', html`<br>`, 1]}`.text).toBe('a<br>1');
  });
  it('escapes single quotes too', () => expect(esc("'")).toBe('&#39;'));
});

describe('format', () => {
  it('writes durations as a person would say them', () => {
    expect([dur(850), dur(1000), dur(1021), dur(7021), dur(15_000), dur(125_000)]).toEqual(['850 ms', '1 s', '1.02 s', '7.02 s', '15 s', '2 min 5 s']);
  });
  it('writes relative changes with sign and separators', () => {
    expect([relPct(13.7), relPct(0.041), relPct(-0.0001), relPct(-0.00001)]).toEqual(['+1,370 %', '+4.1 %', '−0.01 %', '−<0.01 %']);
  });
});

describe('trailingMean', () => {
  it('averages over the last second and keeps gaps', () => {
    const t = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100];
    const v = [10, 0, 0, 0, 0, 0, 0, 0, 0, 0, null];
    const m = trailingMean(t, v);
    expect(m[0]).toBe(10);
    expect(m[9]).toBe(1);
    expect(m[10]).toBeNull();
  });
});

describe('startupClip', () => {
  it('cuts off an opening burst far above the rest', () => {
    expect(startupClip([0, 1000, 3000], [[250, 20, 30]])).toEqual({ yMax: 40, peak: 250 });
  });
  it('leaves a chart alone when the start is not a burst', () => {
    expect(startupClip([0, 3000], [[20, 30]])).toBeNull();
  });
});

describe('layoutNodes', () => {
  it('keeps scenario positions', () => {
    const s = scenarioFrom(templateJson('02'));
    expect(layoutNodes(s.nodes).get('hub1')).toEqual({ x: 560, y: 160 });
  });
  it('lays out nodes without positions in columns client | spoke | hub | server', () => {
    const raw = templateJson('09') as { nodes: Record<string, unknown>[] };
    const s = scenarioFrom({ ...raw, nodes: raw.nodes.map(({ position: _, ...n }) => n) });
    const p = layoutNodes(s.nodes);
    const x = (id: string) => p.get(id)!.x;
    expect(x('client1')).toBeLessThan(x('spoke1'));
    expect(x('spoke1')).toBeLessThan(x('hub1'));
    expect(x('hub1')).toBe(x('hub2'));
    expect(p.get('hub1')!.y).not.toBe(p.get('hub2')!.y);
    expect(x('hub2')).toBeLessThan(x('server1'));
    expect(topologyChart(s)).toMatch(/^<svg/);
  });
});
