import { QueryCommand, PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  auditEntryHash,
  checkDigest,
  checkDigestEntries,
  MAX_ENTRIES_PER_DIGEST,
  sealDigest,
  type AuditDigest,
  type AuditFinding,
  type DigestSigner,
  type StoredAuditEntry,
} from '@ufp/core/audit/chain';
import { idsFrom, idsUpTo } from '@ufp/core/ids';
import { keys } from './keys.js';
import type { Table } from './table.js';

/**
 * Sealing and verifying a tenant's audit log (see core/audit/chain.ts for the design). The application
 * only ever appends audit entries and digests: nothing here or elsewhere updates or deletes them.
 */

const digestKey = (tenantId: string, seq: number) => ({ pk: keys.auditDigestPartition(tenantId), sk: `D#${String(seq).padStart(10, '0')}` });

async function* pages(table: Table, input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const res = await table.doc.send(new QueryCommand({ ...input, TableName: table.name, ExclusiveStartKey: start, ConsistentRead: true }));
    yield res.Items ?? [];
    start = res.LastEvaluatedKey;
  } while (start);
}

/** The tenant's audit entries in log order, from after `afterId` up to `uptoId` (both optional). */
async function* entries(table: Table, tenantId: string, range: { afterId?: string; uptoId?: string } = {}): AsyncGenerator<StoredAuditEntry> {
  const conditions = ['pk = :pk'];
  const values: Record<string, unknown> = { ':pk': keys.auditPartition(tenantId) };
  if (range.afterId && range.uptoId) {
    conditions.push('sk BETWEEN :from AND :to');
    values[':from'] = `${range.afterId}\u0000`;
    values[':to'] = range.uptoId;
  } else if (range.afterId) {
    conditions.push('sk > :from');
    values[':from'] = range.afterId;
  } else if (range.uptoId) {
    conditions.push('sk <= :to');
    values[':to'] = range.uptoId;
  }
  for await (const page of pages(table, { KeyConditionExpression: conditions.join(' AND '), ExpressionAttributeValues: values })) {
    for (const item of page) yield { auditId: String(item.sk), at: typeof item.at === 'string' ? item.at : undefined, hash: typeof item.hash === 'string' ? item.hash : undefined, item };
  }
}

async function allDigests(table: Table, tenantId: string): Promise<AuditDigest[]> {
  const out: AuditDigest[] = [];
  for await (const page of pages(table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditDigestPartition(tenantId) } })) {
    for (const { pk: _pk, sk: _sk, kind: _kind, ...digest } of page) out.push(digest as unknown as AuditDigest);
  }
  return out;
}

async function lastDigest(table: Table, tenantId: string): Promise<AuditDigest | null> {
  const res = await table.doc.send(
    new QueryCommand({ TableName: table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditDigestPartition(tenantId) }, ScanIndexForward: false, Limit: 1, ConsistentRead: true }),
  );
  const item = res.Items?.[0];
  if (!item) return null;
  const { pk: _pk, sk: _sk, kind: _kind, ...digest } = item;
  return digest as unknown as AuditDigest;
}

export interface SealOptions {
  /** When the digest is sealed (the platform clock). */
  now: Date;
  /**
   * Entries minted before this instant (wall-clock time, as the ids carry it) are sealed. It trails the
   * present by a margin so that a transaction still in flight cannot commit an entry into a sealed range.
   */
  sealBefore: Date;
}

/**
 * Seals the tenant's entries written since its last digest, in digests of at most 2,000 entries. A digest
 * records the hash each entry was written with (not one recomputed now), so sealing never launders an
 * entry edited before it was sealed: verification still finds it. Safe to run concurrently and to rerun:
 * each digest is a conditional create of the next sequence number.
 */
export async function sealAuditLog(table: Table, signer: DigestSigner, tenantId: string, opts: SealOptions): Promise<{ digests: number; entries: number }> {
  let previous = await lastDigest(table, tenantId);
  let sealed = { digests: 0, entries: 0 };
  let batch: { auditId: string; hash: string }[] = [];
  const flush = async (): Promise<boolean> => {
    if (!batch.length) return true;
    const digest = await sealDigest(tenantId, batch, previous, opts.now.toISOString(), signer);
    try {
      await table.doc.send(new PutCommand({ TableName: table.name, Item: { ...digestKey(tenantId, digest.seq), kind: 'audit.digest', ...digest }, ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (err) {
      if ((err as { name?: string }).name === 'ConditionalCheckFailedException') return false; // another sealer got there first
      throw err;
    }
    sealed = { digests: sealed.digests + 1, entries: sealed.entries + batch.length };
    previous = digest;
    batch = [];
    return true;
  };
  for await (const e of entries(table, tenantId, { afterId: previous?.toId, uptoId: idsFrom(opts.sealBefore) })) {
    batch.push({ auditId: e.auditId, hash: e.hash ?? auditEntryHash(e.item) });
    if (batch.length === MAX_ENTRIES_PER_DIGEST && !(await flush())) return sealed;
  }
  await flush();
  return sealed;
}

export interface AuditVerification {
  ok: boolean;
  tenantId: string;
  checkedEntries: number;
  checkedDigests: number;
  /** The newest digest: how far the log is sealed. */
  sealedThrough?: { seq: number; toId: string; sealedAt: string };
  /** Entries written after the newest digest (protected by their own hash only). */
  unsealed: { count: number; oldestAt?: string };
  /** The first problem in log order, and up to 50 in all. */
  firstFinding?: AuditFinding;
  findings: AuditFinding[];
  findingsTruncated: boolean;
}

const MAX_FINDINGS = 50;

/**
 * Recomputes the tenant's chain: every digest's hash, MAC and link to the one before, then every entry
 * against the digest covering it (modified, deleted, inserted), and the unsealed tail against each
 * entry's own hash. `from`/`to` limit the entry checks to entries written in that period; the digest
 * chain is always checked whole (it is small: one digest per tenant per day).
 */
export async function verifyAuditLog(table: Table, signer: DigestSigner, tenantId: string, period: { from?: Date; to?: Date } = {}): Promise<AuditVerification> {
  const findings: AuditFinding[] = [];
  let truncated = false;
  const report = (f: AuditFinding) => {
    if (findings.length < MAX_FINDINGS) findings.push(f);
    else truncated = true;
  };
  const digests = (await allDigests(table, tenantId)).sort((a, b) => a.seq - b.seq);
  let previous: AuditDigest | null = null;
  for (const d of digests) {
    const problem = await checkDigest(d, previous, signer);
    if (problem) report(problem);
    previous = d;
  }

  const fromId = period.from ? idsFrom(period.from) : undefined;
  const toId = period.to ? idsUpTo(period.to) : undefined;
  const inPeriod = (d: AuditDigest) => (!fromId || d.toId >= fromId) && (!toId || d.fromId <= toId);
  const checked = digests.filter(inPeriod);
  const last = digests.at(-1);
  // Read whole digests: from after the last digest wholly before the period to the end of the last one in it.
  const afterId = fromId ? digests.filter((d) => d.toId < fromId).at(-1)?.toId : undefined;
  const uptoId = toId && checked.length && checked.at(-1)!.toId > toId ? checked.at(-1)!.toId : toId;

  let checkedEntries = 0;
  const unsealed: AuditVerification['unsealed'] = { count: 0 };
  let d = 0; // the next digest of `checked` that entries may fall into
  let stored: StoredAuditEntry[] = [];
  const closeDigestsBefore = (auditId: string | undefined) => {
    // Every checked digest that ends before this entry is complete: compare it with what was stored in its range.
    while (d < checked.length && (auditId === undefined || checked[d]!.toId < auditId)) {
      for (const f of checkDigestEntries(checked[d]!, stored)) report(f);
      stored = [];
      d++;
    }
  };
  for await (const e of entries(table, tenantId, { afterId, uptoId })) {
    checkedEntries++;
    closeDigestsBefore(e.auditId);
    if (d < checked.length && e.auditId >= checked[d]!.fromId) {
      stored.push(e);
    } else if (last && e.auditId <= last.toId) {
      // Before the first digest, or between two: no digest covers it, so it was added after sealing.
      report({ kind: 'entry_inserted', auditId: e.auditId, at: e.at, digestSeq: checked[d]?.seq ?? last.seq });
    } else {
      unsealed.count++;
      unsealed.oldestAt ??= e.at;
      if (!e.hash || auditEntryHash(e.item) !== e.hash) report({ kind: 'entry_hash_mismatch', auditId: e.auditId, at: e.at });
    }
  }
  closeDigestsBefore(undefined);

  // Digest findings first (the chain is what the entries are checked against), then entries in log order.
  const ordered = [
    ...findings.filter((f): f is Exclude<AuditFinding, { auditId: string }> => !('auditId' in f)).sort((a, b) => a.digestSeq - b.digestSeq),
    ...findings.filter((f): f is Extract<AuditFinding, { auditId: string }> => 'auditId' in f).sort((a, b) => a.auditId.localeCompare(b.auditId)),
  ];
  return {
    ok: findings.length === 0 && !truncated,
    tenantId,
    checkedEntries,
    checkedDigests: digests.length,
    sealedThrough: last ? { seq: last.seq, toId: last.toId, sealedAt: last.sealedAt } : undefined,
    unsealed,
    firstFinding: ordered[0],
    findings: ordered,
    findingsTruncated: truncated,
  };
}
