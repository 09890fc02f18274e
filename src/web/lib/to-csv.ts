/** A column of an export: its header and how to read the cell from a row. */
export interface CsvColumn<Row> {
  header: string;
  value(row: Row): string | number | boolean | null | undefined;
}

/** Spreadsheets run cells starting with these as formulas; such text is prefixed with `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

const toCell = (value: string | number | boolean | null | undefined): string => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * RFC 4180 CSV (CRLF line ends, quotes doubled) of `rows` in the given column order; text that
 * a spreadsheet would run as a formula is defused, since member names are user-controlled.
 */
export const toCsv = <Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string => {
  const lines = [columns.map((column) => toCell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => toCell(column.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
};
