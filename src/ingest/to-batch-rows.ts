import { emptyIngestRows, type IngestRows } from './ingest-rows.ts';

type Kind = keyof IngestRows;

/**
 * The rows of a batch of dispatches, kind by kind in the order received. A kind that only one
 * dispatch carries is used as it is (a 100,000-member GUILD_CREATE is not copied), and lists
 * are joined without spreading them into arguments, which overflows the stack past about
 * 120,000 rows.
 */
export const toBatchRows = (batch: Iterable<Partial<IngestRows>>): IngestRows => {
  const parts = new Map<Kind, unknown[][]>();
  for (const rows of batch) {
    for (const [kind, list] of Object.entries(rows) as [Kind, unknown[]][]) {
      if (list.length === 0) continue;
      const known = parts.get(kind);
      if (known) known.push(list);
      else parts.set(kind, [list]);
    }
  }
  const merged = emptyIngestRows() as Record<Kind, unknown[]>;
  for (const [kind, lists] of parts)
    merged[kind] = lists.length === 1 ? (lists[0] ?? []) : lists.flat();
  return merged as IngestRows;
};
