/** Parameters of a statement built in parts: `add` appends a value and returns its placeholder. */
export interface SqlParams {
  values: unknown[];
  add(value: unknown): string;
}

/** Starts with `initial` as $1, $2…; later parts add theirs after. */
export const createSqlParams = (initial: readonly unknown[]): SqlParams => {
  const values = [...initial];
  return {
    values,
    add(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
};
