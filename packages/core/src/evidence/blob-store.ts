/**
 * The blob-store port: where evidence files live (a directory locally, S3 in AWS). The API never moves file
 * bytes itself; it hands out short-lived signed requests and, after an upload, looks at what arrived.
 */
export interface SignedRequest {
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the client must send exactly as given (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface StoredObject {
  sizeBytes: number;
  /** The stored version (S3 VersionId), so that a later overwrite is never what gets served. */
  version?: string;
}

export interface BlobStore {
  /**
   * A PUT that accepts exactly `contentLength` bytes of `contentType` at `key`, until it expires. `tags` are set on
   * the stored object (S3 object tags, which the bucket's lifecycle rules select on): signed, so the client must send them.
   */
  presignPut(key: string, opts: { contentType: string; contentLength: number; expiresInSeconds: number; tags?: Record<string, string> }): Promise<SignedRequest>;
  /** A GET of the stored object (that version), served as an attachment named `fileName`. */
  presignGet(key: string, opts: { fileName: string; contentType: string; version?: string; expiresInSeconds: number }): Promise<SignedRequest>;
  head(key: string): Promise<StoredObject | undefined>;
  /** The first `bytes` bytes of the object (fewer when it is shorter), for type sniffing. */
  readStart(key: string, bytes: number, version?: string): Promise<Uint8Array>;
  /** The whole object (an uploaded import workbook, read by its consumer); undefined when absent. */
  read(key: string, version?: string): Promise<Uint8Array | undefined>;
  /** Removes the object (an import workbook once its job has finished); a key already gone is not an error. */
  delete(key: string): Promise<void>;
}

/** RFC 6266 / 5987 Content-Disposition for a (possibly Chinese) file name. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
