import { describe, expect, it } from 'vitest';
import { toCsv } from './to-csv.ts';

interface Row {
  name: string;
  score: number | null;
  flagged?: boolean;
}

const columns = [
  { header: 'Member', value: (row: Row) => row.name },
  { header: 'Score', value: (row: Row) => row.score },
  { header: 'Flagged', value: (row: Row) => row.flagged },
];

describe('toCsv', () => {
  it('writes a header and one CRLF-ended line per row, in column order', () => {
    expect(toCsv([{ name: 'Ari', score: 41, flagged: true }], columns)).toBe(
      'Member,Score,Flagged\r\nAri,41,true\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    const csv = toCsv([{ name: 'Lee, "the quiet"\none', score: 1 }], columns);
    expect(csv).toBe('Member,Score,Flagged\r\n"Lee, ""the quiet""\none",1,\r\n');
  });

  it('leaves null and undefined cells empty', () => {
    expect(toCsv([{ name: 'Kai', score: null }], columns)).toBe(
      'Member,Score,Flagged\r\nKai,,\r\n',
    );
  });

  it('defuses member names a spreadsheet would run as formulas, but not negative numbers', () => {
    const csv = toCsv(
      [
        { name: '=HYPERLINK("http://evil")', score: -3 },
        { name: '@SUM(A1)', score: 0 },
        { name: '+1', score: 0 },
      ],
      columns,
    );
    expect(csv.split('\r\n')).toEqual([
      'Member,Score,Flagged',
      `"'=HYPERLINK(""http://evil"")",-3,`,
      "'@SUM(A1),0,",
      "'+1,0,",
      '',
    ]);
  });

  it('writes only the header for no rows', () => {
    expect(toCsv([], columns)).toBe('Member,Score,Flagged\r\n');
  });
});
