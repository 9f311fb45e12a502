/** CSV cells a spreadsheet would run as formulas are written as text; numbers stay numbers. */
import { describe, expect, it } from 'vitest';
import { csvField } from '../../../electron/services/reports/csv-format.ts';
import { renderCsvCounters } from '../../../electron/services/reports/csv.ts';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('writes the text %j as text a spreadsheet will not run', (text, cell) => {
    expect(csvField(text)).toBe(cell);
  });

  it('keeps negative and positive numbers as numbers', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(12)).toBe('12');
    expect(csvField(true)).toBe('true');
  });

  it('leaves ordinary text alone', () => {
    expect(csvField('hub1')).toBe('hub1');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('a-b')).toBe('a-b');
  });
});

describe('a CSV export', () => {
  it('neutralises a formula in a router name and keeps negative counter values as numbers', () => {
    const csv = renderCsvCounters({ runId: 'r1', summary: { scenario: '=cmd|"/c calc"!A0', seed: 1, fingerprint: 'f', counters: { '@evil': { 'x.y': -4 } } } });
    const row = csv.split('\r\n')[1]!;
    expect(row).toBe(`r1,"'=cmd|""/c calc""!A0",1,f,'@evil,x.y,-4`);
  });
});
