/** Which column a table is sorted by, and which way. */
export interface SortState {
  key: string;
  direction: 'asc' | 'desc';
}

type Sortable = string | number | boolean | null | undefined;

const compare = (a: Sortable, b: Sortable): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
};

/**
 * A sorted copy of `rows` by `read(row)` in `direction`; empty values always sort last, and
 * ties keep their original order (the server's ranking).
 */
export const sortRows = <Row>(
  rows: readonly Row[],
  read: (row: Row) => Sortable,
  direction: SortState['direction'],
): Row[] => {
  const sign = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: read(row) }))
    .sort((a, b) => {
      const empty = (a.value ?? null) === null || (b.value ?? null) === null;
      const order = empty ? compare(a.value, b.value) : sign * compare(a.value, b.value);
      return order !== 0 ? order : a.index - b.index;
    })
    .map((entry) => entry.row);
};

/** The next sort after a click on `key`: a new column starts descending, the same one flips. */
export const toNextSort = (current: SortState | undefined, key: string): SortState =>
  current?.key === key
    ? { key, direction: current.direction === 'desc' ? 'asc' : 'desc' }
    : { key, direction: 'desc' };
