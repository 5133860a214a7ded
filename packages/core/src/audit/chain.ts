import { createHash } from 'node:crypto';

/**
 * Tamper evidence for the audit log, in the manner of CloudTrail's log-file integrity validation:
 *
 * - every entry carries `hash` = SHA-256 of its own content (canonical JSON of every attribute but the
 *   keys and the hash), written in the same transaction as the change it records — so entries of one
 *   tenant never contend on a shared chain head, and 20 concurrent grants stay 20 independent writes;
 * - a sealing job (the daily tick) writes, per tenant, a digest covering the entries since the previous
 *   digest: their ids and hashes, the previous digest's hash, and a MAC over the digest made with a key
 *   the table does not hold (a local key file; a KMS HMAC key in AWS). Rewriting an entry, deleting one
 *   or inserting one into a sealed range breaks a digest, and a forged digest fails its MAC.
 *
 * Entries newer than the last digest are "not yet sealed": their own hash catches a careless edit, but
 * only sealing protects them against someone who can also recompute the hash.
 */

/** JSON with object keys sorted and undefined members dropped: the same bytes for the same value, however it was built or stored. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value instanceof Set) return canonicalJson([...value].sort());
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64url');

/** Attributes that are not part of an entry's content: its keys and the hash itself. */
const NOT_CONTENT = new Set(['pk', 'sk', 'hash']);

/** The content hash of an audit item as stored (or about to be stored). */
export function auditEntryHash(item: Record<string, unknown>): string {
  const content: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!NOT_CONTENT.has(k)) content[k] = v;
  return sha256(canonicalJson(content));
}

/** One sealed digest: the entries it covers, in log order, chained to the digest before it. */
export interface AuditDigestBody {
  tenantId: string;
  /** 1, 2, 3 … per tenant: a gap or a repeat is itself a finding. */
  seq: number;
  /** The first and last entry id covered (ULIDs sort in log order). */
  fromId: string;
  toId: string;
  /** [auditId, hash] for every covered entry, in log order. */
  entries: [string, string][];
  /** `digestHash` of digest `seq − 1`, or null for the first. */
  previousHash: string | null;
  sealedAt: string;
  /** Which MAC key signed it (so keys can rotate). */
  keyId: string;
}

export interface AuditDigest extends AuditDigestBody {
  digestHash: string;
  mac: string;
}

export const digestHash = (body: AuditDigestBody): string => sha256(canonicalJson(body));

/** Signs and verifies digests with a key held outside the table (local key file, or KMS GenerateMac/VerifyMac). */
export interface DigestSigner {
  readonly keyId: string;
  mac(message: string): Promise<string>;
  verify(message: string, mac: string, keyId: string): Promise<boolean>;
}

/** The most entries one digest item covers (an item holds 400 KB; an entry costs ~75 bytes). */
export const MAX_ENTRIES_PER_DIGEST = 2_000;

export type AuditFinding =
  | { kind: 'entry_modified'; auditId: string; at?: string; digestSeq: number }
  | { kind: 'entry_deleted'; auditId: string; digestSeq: number }
  | { kind: 'entry_inserted'; auditId: string; at?: string; digestSeq: number }
  | { kind: 'entry_hash_mismatch'; auditId: string; at?: string }
  | { kind: 'digest_modified'; digestSeq: number }
  | { kind: 'digest_bad_mac'; digestSeq: number }
  | { kind: 'digest_chain_broken'; digestSeq: number }
  | { kind: 'digest_missing'; digestSeq: number };

export interface StoredAuditEntry {
  auditId: string;
  at?: string;
  hash?: string;
  item: Record<string, unknown>;
}

/**
 * Checks one digest against the entries stored in its range: each covered entry must be present with
 * the hash the digest recorded, and no other entry may sit in the range.
 */
export function checkDigestEntries(digest: AuditDigestBody, stored: readonly StoredAuditEntry[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const byId = new Map(stored.map((e) => [e.auditId, e]));
  const covered = new Set<string>();
  for (const [auditId, hash] of digest.entries) {
    covered.add(auditId);
    const entry = byId.get(auditId);
    if (!entry) findings.push({ kind: 'entry_deleted', auditId, digestSeq: digest.seq });
    else if (auditEntryHash(entry.item) !== hash) findings.push({ kind: 'entry_modified', auditId, at: entry.at, digestSeq: digest.seq });
  }
  for (const e of stored) if (!covered.has(e.auditId)) findings.push({ kind: 'entry_inserted', auditId: e.auditId, at: e.at, digestSeq: digest.seq });
  return findings.sort((a, b) => ('auditId' in a ? a.auditId : '').localeCompare('auditId' in b ? b.auditId : ''));
}

/** Checks a digest's own integrity and its link to the one before (null before the first). */
export async function checkDigest(digest: AuditDigest, previous: AuditDigest | null, signer: DigestSigner): Promise<AuditFinding | undefined> {
  const { digestHash: claimed, mac, ...body } = digest;
  if (digestHash(body) !== claimed) return { kind: 'digest_modified', digestSeq: digest.seq };
  if (!(await signer.verify(claimed, mac, digest.keyId))) return { kind: 'digest_bad_mac', digestSeq: digest.seq };
  const expectedSeq = previous ? previous.seq + 1 : 1;
  if (digest.seq !== expectedSeq) return { kind: 'digest_missing', digestSeq: expectedSeq };
  if (digest.previousHash !== (previous?.digestHash ?? null)) return { kind: 'digest_chain_broken', digestSeq: digest.seq };
  return undefined;
}

/** Builds the signed digest over `entries` (already in log order). */
export async function sealDigest(
  tenantId: string,
  entries: readonly { auditId: string; hash: string }[],
  previous: Pick<AuditDigest, 'seq' | 'digestHash'> | null,
  sealedAt: string,
  signer: DigestSigner,
): Promise<AuditDigest> {
  const body: AuditDigestBody = {
    tenantId,
    seq: (previous?.seq ?? 0) + 1,
    fromId: entries[0]!.auditId,
    toId: entries[entries.length - 1]!.auditId,
    entries: entries.map((e) => [e.auditId, e.hash]),
    previousHash: previous?.digestHash ?? null,
    sealedAt,
    keyId: signer.keyId,
  };
  const hash = digestHash(body);
  return { ...body, digestHash: hash, mac: await signer.mac(hash) };
}
