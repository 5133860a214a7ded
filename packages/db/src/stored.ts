import type { z } from 'zod';
import { tableManifest } from './manifest.js';

/** The attributes that place an item in the table (keys, index keys, TTL), not part of the entity. */
const placement: ReadonlySet<string> = new Set([
  tableManifest.partitionKey.name,
  tableManifest.sortKey.name,
  tableManifest.ttlAttribute,
  ...tableManifest.globalSecondaryIndexes.flatMap((g) => [g.partitionKey.name, g.sortKey.name]),
]);

export function withoutPlacement(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !placement.has(k)));
}

/** A stored item that does not fit its schema: a server fault (500, logged), never the caller's error. */
export class StoredItemInvalid extends Error {
  constructor(what: string, key: unknown, issues: readonly z.core.$ZodIssue[]) {
    super(`stored ${what} ${JSON.stringify(key)} does not fit its schema: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.name = 'StoredItemInvalid';
  }
}

/**
 * Parses an item read from the table against its entity schema (dynamodb-toolbox's "parse on read"): the
 * keys are dropped, defaults applied, and an item that does not fit fails loudly instead of being cast.
 */
export function parseStored<S extends z.ZodType>(schema: S, item: Record<string, unknown>, what: string, opts: { keepPlacement?: boolean } = {}): z.output<S> {
  const result = schema.safeParse(opts.keepPlacement ? item : withoutPlacement(item));
  if (!result.success) throw new StoredItemInvalid(what, { pk: item.pk, sk: item.sk }, result.error.issues);
  return result.data;
}
