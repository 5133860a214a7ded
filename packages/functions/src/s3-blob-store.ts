/**
 * The evidence blob store in AWS: S3 presigned PUT/GET on the evidence bucket (SSE-KMS, versioned, presigned
 * uploads only; see infra/src/platform/storage.ts). The SDK modules are imported on first use, so they are a
 * lazy chunk of the API bundle and cost nothing at cold start.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { attachmentDisposition, type BlobStore, type SignedRequest, type StoredObject } from '@ufp/core/evidence/blob-store';

export interface S3BlobStoreOptions {
  bucket: string;
  region: string;
  /** A ready client (tests); otherwise one is created on first use. */
  client?: S3Client;
}

export class S3BlobStore implements BlobStore {
  private sdk?: Promise<{ s3: typeof import('@aws-sdk/client-s3'); presigner: typeof import('@aws-sdk/s3-request-presigner'); client: S3Client }>;

  constructor(private readonly opts: S3BlobStoreOptions) {}

  private load() {
    return (this.sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]).then(([s3, presigner]) => ({
      s3,
      presigner,
      // Checksums only when required: a default CRC32 would be signed into the URL for an empty body.
      client: this.opts.client ?? new s3.S3Client({ region: this.opts.region, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }),
    })));
  }

  async presignPut(key: string, opts: { contentType: string; contentLength: number; expiresInSeconds: number; tags?: Record<string, string> }): Promise<SignedRequest> {
    const { s3, presigner, client } = await this.load();
    const tagging = opts.tags && new URLSearchParams(opts.tags).toString();
    const command = new s3.PutObjectCommand({ Bucket: this.opts.bucket, Key: key, ContentType: opts.contentType, ContentLength: opts.contentLength, Tagging: tagging });
    // Type and length are signed: S3 refuses a PUT with another Content-Type or another number of bytes. The tags
    // stay a signed header (S3 ignores x-amz-tagging hoisted into the query string), so the client sends them as given.
    const url = await presigner.getSignedUrl(client, command, {
      expiresIn: opts.expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length', ...(tagging ? ['x-amz-tagging'] : [])]),
      ...(tagging ? { unhoistableHeaders: new Set(['x-amz-tagging']) } : {}),
    });
    return { url, method: 'PUT', headers: { 'content-type': opts.contentType, ...(tagging ? { 'x-amz-tagging': tagging } : {}) }, expiresAt: expiresAt(opts.expiresInSeconds) };
  }

  async presignGet(key: string, opts: { fileName: string; contentType: string; version?: string; expiresInSeconds: number }): Promise<SignedRequest> {
    const { s3, presigner, client } = await this.load();
    const command = new s3.GetObjectCommand({
      Bucket: this.opts.bucket,
      Key: key,
      VersionId: opts.version,
      ResponseContentType: opts.contentType,
      ResponseContentDisposition: attachmentDisposition(opts.fileName),
    });
    const url = await presigner.getSignedUrl(client, command, { expiresIn: opts.expiresInSeconds });
    return { url, method: 'GET', headers: {}, expiresAt: expiresAt(opts.expiresInSeconds) };
  }

  async head(key: string): Promise<StoredObject | undefined> {
    const { s3, client } = await this.load();
    try {
      const out = await client.send(new s3.HeadObjectCommand({ Bucket: this.opts.bucket, Key: key }));
      return { sizeBytes: out.ContentLength ?? 0, version: out.VersionId };
    } catch (err) {
      if (err instanceof s3.NotFound || (err as { name?: string }).name === 'NotFound' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async readStart(key: string, bytes: number, version?: string): Promise<Uint8Array> {
    const { s3, client } = await this.load();
    const out = await client.send(new s3.GetObjectCommand({ Bucket: this.opts.bucket, Key: key, VersionId: version, Range: `bytes=0-${bytes - 1}` }));
    return out.Body ? (await out.Body.transformToByteArray()).subarray(0, bytes) : new Uint8Array();
  }

  async read(key: string, version?: string): Promise<Uint8Array | undefined> {
    const { s3, client } = await this.load();
    try {
      const out = await client.send(new s3.GetObjectCommand({ Bucket: this.opts.bucket, Key: key, VersionId: version }));
      return out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchKey' || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  /** In the versioned bucket this leaves a delete marker; the noncurrent version expires by the bucket's lifecycle. */
  async delete(key: string): Promise<void> {
    const { s3, client } = await this.load();
    await client.send(new s3.DeleteObjectCommand({ Bucket: this.opts.bucket, Key: key }));
  }
}

/** S3 signs with the real time (not the movable platform clock), so the expiry is real time too. */
const expiresAt = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
