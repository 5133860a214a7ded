import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Clock } from '@ufp/core/clock';
import type { BlobStore, SignedRequest, StoredObject } from '@ufp/core/evidence/blob-store';
import { EVIDENCE_KEY_PATTERN } from '@ufp/core/evidence/rules';
import { IMPORT_KEY_PATTERN } from '@ufp/core/imports/job';

/** What a signed local URL allows: one method on one key of one tenant, until `exp` (platform clock, ms). */
export interface BlobGrant {
  m: 'PUT' | 'GET';
  /** The object key, `<tenantId>/evidence/<id>`. */
  k: string;
  /** The tenant the URL was issued for; the key must be in its prefix. */
  t: string;
  ct: string;
  /** PUT: the exact number of bytes accepted. */
  n?: number;
  /** GET: the download name. */
  fn?: string;
  exp: number;
}

/**
 * The local stand-in for S3 presigned URLs: objects are files under `$DATA_DIR/blobs/<key>`, and the URLs the
 * API hands out are `/blobs/<token>` on the local server, the token an HMAC-signed, expiring grant (see
 * blob-routes.ts for the routes that honour them).
 */
export class LocalBlobStore implements BlobStore {
  constructor(
    readonly dir: string,
    private readonly secret: Buffer,
    private readonly clock: Clock,
  ) {}

  /** Path of a key's file; undefined for anything that is not an evidence or import key (no way out of the directory). */
  pathOf(key: string): string | undefined {
    return EVIDENCE_KEY_PATTERN.test(key) || IMPORT_KEY_PATTERN.test(key) ? join(this.dir, key) : undefined;
  }

  async presignPut(key: string, opts: { contentType: string; contentLength: number; expiresInSeconds: number }): Promise<SignedRequest> {
    return this.sign({ m: 'PUT', k: key, t: tenantOf(key), ct: opts.contentType, n: opts.contentLength, exp: this.expiry(opts.expiresInSeconds) }, { 'content-type': opts.contentType });
  }

  async presignGet(key: string, opts: { fileName: string; contentType: string; expiresInSeconds: number }): Promise<SignedRequest> {
    return this.sign({ m: 'GET', k: key, t: tenantOf(key), ct: opts.contentType, fn: opts.fileName, exp: this.expiry(opts.expiresInSeconds) }, {});
  }

  async head(key: string): Promise<StoredObject | undefined> {
    const path = this.pathOf(key);
    if (!path || !existsSync(path)) return undefined;
    return { sizeBytes: (await stat(path)).size };
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array> {
    const path = this.pathOf(key);
    if (!path) return new Uint8Array();
    const file = await open(path, 'r');
    try {
      const buf = Buffer.alloc(bytes);
      const { bytesRead } = await file.read(buf, 0, bytes, 0);
      return new Uint8Array(buf.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    if (path) await rm(path, { force: true });
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    const path = this.pathOf(key);
    if (!path || !existsSync(path)) return undefined;
    return new Uint8Array(await readFile(path));
  }

  /** The grant a token carries, if its signature is ours, it has not expired and its key is in its tenant. */
  verify(token: string, method: BlobGrant['m']): BlobGrant | undefined {
    const [body, mac] = token.split('.');
    if (!body || !mac) return undefined;
    const expected = this.mac(body);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let grant: BlobGrant;
    try {
      grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as BlobGrant;
    } catch {
      return undefined;
    }
    if (grant.m !== method || !(grant.exp > this.clock.now().getTime())) return undefined;
    if (!this.pathOf(grant.k) || tenantOf(grant.k) !== grant.t) return undefined;
    return grant;
  }

  /** A temporary file beside the key's file (renamed into place once every declared byte has arrived). */
  async tempPathFor(key: string): Promise<{ final: string; temp: string }> {
    const final = this.pathOf(key)!;
    await mkdir(dirname(final), { recursive: true });
    return { final, temp: `${final}.part-${randomBytes(6).toString('hex')}` };
  }

  private expiry(seconds: number): number {
    return this.clock.now().getTime() + seconds * 1000;
  }

  private sign(grant: BlobGrant, headers: Record<string, string>): SignedRequest {
    const body = Buffer.from(JSON.stringify(grant)).toString('base64url');
    return { url: `/blobs/${body}.${this.mac(body).toString('base64url')}`, method: grant.m, headers, expiresAt: new Date(grant.exp).toISOString() };
  }

  private mac(body: string): Buffer {
    return createHmac('sha256', this.secret).update(`blob-url|${body}`).digest();
  }
}

const tenantOf = (key: string) => key.split('/')[0] ?? '';
