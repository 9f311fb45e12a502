import { describe, expect, it } from 'vitest';
import { COUNTER_PATHS } from '../../../engine/index.ts';
import { wrap } from '../../../electron/cli/commands/assumptions.ts';
import { renderCounters } from '../../../electron/cli/format/counters.ts';
import { csvField } from '../../../electron/services/reports/csv-format.ts';
import { duration, renderTable } from '../../../electron/cli/format/table.ts';

describe('renderTable', () => {
  it('right-aligns right columns and pads left columns to the widest cell', () => {
    const out = renderTable(
      [{ header: 'kind' }, { header: 'n', align: 'right' }],
      [
        ['bfd', '7'],
        ['metadata', '1200'],
      ],
    );
    expect(out).toEqual(['  kind         n', '  bfd          7', '  metadata  1200']);
  });

  it('trims trailing spaces', () => {
    const out = renderTable([{ header: 'a' }, { header: 'bbbb' }], [['x', '']]);
    expect(out[1]).toBe('  x');
  });
});

describe('duration', () => {
  it('writes sub-second times in ms', () => expect(duration(39.44)).toBe('39.4 ms'));
  it('writes seconds with up to 3 decimals', () => expect(duration(20_000)).toBe('20 s'));
  it('writes long times in hours, minutes and seconds', () => expect(duration(3_725_000)).toBe('1 h 2 min 5 s'));
});

describe('csvField', () => {
  it('leaves plain text alone', () => expect(csvField('hub1')).toBe('hub1'));
  it('writes null as an empty field', () => expect(csvField(null)).toBe(''));
  it('quotes a comma and doubles quotes', () => expect(csvField('a, "b"')).toBe('"a, ""b"""'));
  it('quotes a line break', () => expect(csvField('a\nb')).toBe('"a\nb"'));
});

describe('renderCounters', () => {
  const zeros = (): Record<string, number> => Object.fromEntries(COUNTER_PATHS.map((p) => [p, 0]));

  it('groups non-zero counters under their branch with values in one right-aligned column', () => {
    const hub = { ...zeros(), 'emulator/sessions-created': 6, 'packet-processing/action/success/metadata/added': 1234 };
    expect(renderCounters({ hub1: hub })).toEqual(['  hub1', '    packet-processing/action/success/metadata', '      added             1234', '    emulator', '      sessions-created     6']);
  });

  it('says "(all counters zero)" for a router with none', () => {
    expect(renderCounters({ spoke1: zeros() })).toEqual(['  spoke1', '    (all counters zero)']);
  });
});

describe('wrap', () => {
  it('breaks text at spaces within the width', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});
