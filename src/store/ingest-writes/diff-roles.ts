/** The roles added and removed between two role lists (order-insensitive). */
export const diffRoles = (
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } => {
  const old = new Set(before);
  const now = new Set(after);
  return {
    added: [...now].filter((id) => !old.has(id)),
    removed: [...old].filter((id) => !now.has(id)),
  };
};
