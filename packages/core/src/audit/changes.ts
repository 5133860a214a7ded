export type FieldChanges = Record<string, { from?: unknown; to?: unknown }>;

/**
 * The audit log's before/after of the fields that differ between two versions of a record (compared
 * by value, so nested settings such as caps per kind count as one field). Personal data is never passed here.
 */
export function changesBetween<T extends object>(before: T | undefined, after: T, fields: readonly (keyof T & string)[]): FieldChanges {
  const out: FieldChanges = {};
  for (const k of fields) {
    const from = before?.[k];
    const to = after[k];
    if (JSON.stringify(from) !== JSON.stringify(to)) out[k] = { from, to };
  }
  return out;
}
