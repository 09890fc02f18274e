import { type ReactNode, useMemo, useState } from 'react';
import { type SortState, sortRows, toNextSort } from '../lib/sort-rows.ts';
import type { CsvColumn } from '../lib/to-csv.ts';
import { ExportButtons } from './ExportButtons.tsx';

export type Cell = string | number | boolean | null | undefined;

/** A table column: header, the raw value (sorting, export) and an optional rendering. */
export interface Column<Row> {
  key: string;
  label: string;
  value(row: Row): Cell;
  render?(row: Row): ReactNode;
  numeric?: boolean;
}

interface Props<Row> {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey(row: Row): string;
  label: string;
  /** File name (without extension) of the exports; no export buttons when absent. */
  exportName?: string;
  initialSort?: SortState;
}

/** A sortable table (click a header; the sort shows in `aria-sort`) that exports what it shows. */
export const DataTable = <Row,>({
  rows,
  columns,
  rowKey,
  label,
  exportName,
  initialSort,
}: Props<Row>) => {
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((candidate) => candidate.key === sort?.key);
    return column && sort ? sortRows(rows, column.value, sort.direction) : [...rows];
  }, [rows, columns, sort]);
  const exportColumns: CsvColumn<Row>[] = columns.map((column) => ({
    header: column.label,
    value: column.value,
  }));
  return (
    <div className="table-block">
      {exportName && (
        <div className="table-toolbar">
          <span className="muted small">
            {rows.length} row{rows.length === 1 ? '' : 's'}
          </span>
          <ExportButtons name={exportName} rows={sorted} columns={exportColumns} />
        </div>
      )}
      <div className="table-scroll">
        <table className="data-table" aria-label={label}>
          <thead>
            <tr>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                const ariaSort = active
                  ? sort.direction === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : 'none';
                return (
                  <th
                    key={column.key}
                    scope="col"
                    aria-sort={ariaSort}
                    className={column.numeric ? 'num' : ''}
                  >
                    <button
                      type="button"
                      className="sort"
                      onClick={() => setSort(toNextSort(sort, column.key))}
                    >
                      {column.label}
                      <span aria-hidden="true">
                        {active ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'num' : ''}>
                    {column.render ? column.render(row) : String(column.value(row) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};
