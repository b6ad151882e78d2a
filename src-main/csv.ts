// Every CSV the station writes (the day's shipments, the billing export) goes through csv-stringify:
// RFC 4180 (CRLF line ends, fields quoted when they hold a separator, a quote or a line break),
// and safe to open in a spreadsheet.
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null;

/**
 * A spreadsheet runs a cell starting with = + - @ (or a TAB or CR that hides one) as a formula:
 * such a text gets a leading apostrophe, so it stays text. Numbers are written as numbers.
 */
export function defuseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows], {
    record_delimiter: 'windows',
    // A lone CR or LF inside a field is a line break too: quote it (csv-stringify only quotes
    // the record delimiter itself, CRLF).
    quoted_match: /[\r\n]/,
    cast: { string: defuseCell },
  });
}
