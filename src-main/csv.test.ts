import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { defuseCell, writeCsv } from './csv';

describe('the CSV writer', () => {
  it('quotes what needs quoting and ends every record with CRLF (RFC 4180)', () => {
    const csv = writeCsv(
      ['name', 'note', 'n'],
      [
        ['Acme, Inc.', 'The "Best" Shop', 12],
        ['two\nlines', 'a\rb', null],
      ],
    );
    expect(csv).toBe(
      'name,note,n\r\n' + '"Acme, Inc.","The ""Best"" Shop",12\r\n' + '"two\nlines","a\rb",\r\n',
    );
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(defuseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    }
    expect(defuseCell('Acme')).toBe('Acme');
    const csv = writeCsv(['a'], [['=HYPERLINK("x")'], [-5]]);
    expect(csv).toBe(`a\r\n"'=HYPERLINK(""x"")"\r\n-5\r\n`);
  });

  it('reads back to the same cells', () => {
    const rows = [
      ['a,b', 'c"d', 'e\r\nf'],
      ['plain', '', 'ünïcødé'],
    ];
    const parsed = parse(writeCsv(['x', 'y', 'z'], rows), { columns: true }) as Record<
      string,
      string
    >[];
    expect(parsed).toEqual(rows.map(([x, y, z]) => ({ x, y, z })));
  });
});
