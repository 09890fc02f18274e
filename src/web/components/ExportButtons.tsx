import { type CsvColumn, toCsv } from '../lib/to-csv.ts';

interface Props<Row> {
  name: string;
  rows: readonly Row[];
  columns: readonly CsvColumn<Row>[];
}

const download = (fileName: string, type: string, text: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};

/** CSV and JSON downloads of exactly the rows and columns on screen, in their order. */
export const ExportButtons = <Row,>({ name, rows, columns }: Props<Row>) => {
  const toObjects = () =>
    rows.map((row) =>
      Object.fromEntries(columns.map((column) => [column.header, column.value(row) ?? null])),
    );
  return (
    <span className="export-buttons">
      <button
        type="button"
        onClick={() => download(`${name}.csv`, 'text/csv', toCsv(rows, columns))}
      >
        Export CSV
      </button>
      <button
        type="button"
        onClick={() =>
          download(`${name}.json`, 'application/json', `${JSON.stringify(toObjects(), null, 2)}\n`)
        }
      >
        Export JSON
      </button>
    </span>
  );
};
