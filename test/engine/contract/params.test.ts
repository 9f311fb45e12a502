import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseParams, RUN_STATUSES, type Params, type ParsedParams } from '../../../engine/index.ts';

describe('contract params', () => {
  it('refuses runs:compare naming the same run twice as bad-params, naming the field', () => {
    const r = parseParams('runs:compare', { ids: ['a', 'b', 'a'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad-params');
    expect(r.error.message).toMatch(/^runs:compare: ids: names the same run more than once/);
  });

  it('refuses runs:export and file:export naming the same run twice', () => {
    expect(parseParams('runs:export', { ids: ['a', 'a'], format: 'html' }).ok).toBe(false);
    expect(parseParams('file:export', { ids: ['a', 'a'], format: 'pdf' }).ok).toBe(false);
    expect(parseParams('runs:export', { ids: ['a', 'b'], format: 'html' }).ok).toBe(true);
  });

  it('accepts only the statuses a run can have in runs:list', () => {
    for (const status of RUN_STATUSES) expect(parseParams('runs:list', { status }).ok).toBe(true);
    const r = parseParams('runs:list', { status: 'done' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('status');
  });

  it('fills defaults: what a caller may leave out the handler always gets', () => {
    const r = parseParams('runs:list', {});
    expect(r.ok && r.value).toEqual({ limit: 100, offset: 0 });
    expectTypeOf<Params<'runs:list'>['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ParsedParams<'runs:list'>['limit']>().toEqualTypeOf<number>();
    expectTypeOf<ParsedParams<'runs:list'>['status']>().toEqualTypeOf<(typeof RUN_STATUSES)[number] | undefined>();
  });
});
