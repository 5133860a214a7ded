import { HeadObjectCommand, GetObjectCommand, NoSuchKey, NotFound, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { S3BlobStore } from './s3-blob-store.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const offline = () => new S3Client({ region: 'cn-north-1', credentials, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

describe('S3 evidence store', () => {
  it('presigns a PUT that binds the key, the content type and the exact length, expiring as asked', async () => {
    const store = new S3BlobStore({ bucket: 'evidence-bucket', region: 'cn-north-1', client: offline() });
    const put = await store.presignPut('321281/evidence/01JABC', { contentType: 'image/png', contentLength: 1234, expiresInSeconds: 600 });
    const url = new URL(put.url);
    expect(url.hostname).toContain('amazonaws.com.cn'); // the China partition's endpoint, nothing hard-coded
    expect(`${url.hostname}${url.pathname}`).toMatch(/evidence-bucket.*\/321281\/evidence\/01JABC$/);
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.has('x-amz-checksum-crc32')).toBe(false);
    expect(put).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/png' } });
  });

  it('presigns a GET of one version, served as an attachment with its Chinese name', async () => {
    const store = new S3BlobStore({ bucket: 'b', region: 'cn-north-1', client: offline() });
    const get = new URL((await store.presignGet('321281/evidence/01JABC', { fileName: '现场照片.png', contentType: 'image/png', version: 'v1', expiresInSeconds: 300 })).url);
    expect(get.searchParams.get('versionId')).toBe('v1');
    expect(get.searchParams.get('response-content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
    expect(get.searchParams.get('X-Amz-Expires')).toBe('300');
  });

  it('heads an object (size and version), undefined when missing, and reads its first bytes by range', async () => {
    const sent: unknown[] = [];
    const client = {
      send: async (cmd: unknown) => {
        sent.push(cmd);
        if (cmd instanceof HeadObjectCommand) {
          if (cmd.input.Key === 'missing') throw new NotFound({ message: 'not found', $metadata: { httpStatusCode: 404 } });
          return { ContentLength: 42, VersionId: 'v9' };
        }
        return { Body: { transformToByteArray: async () => Uint8Array.from([0x89, 0x50, 0x4e, 0x47]) } };
      },
    } as unknown as S3Client;
    const store = new S3BlobStore({ bucket: 'b', region: 'cn-north-1', client });
    expect(await store.head('t/evidence/x')).toEqual({ sizeBytes: 42, version: 'v9' });
    expect(await store.head('missing')).toBeUndefined();
    expect(await store.readStart('t/evidence/x', 64, 'v9')).toEqual(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
    const range = sent.find((c): c is GetObjectCommand => c instanceof GetObjectCommand)!;
    expect(range.input).toMatchObject({ Range: 'bytes=0-63', VersionId: 'v9' });
  });

  it('reads a whole object (an import workbook) without a range, undefined when the key does not exist', async () => {
    const sent: GetObjectCommand[] = [];
    const client = {
      send: async (cmd: GetObjectCommand) => {
        sent.push(cmd);
        if (cmd.input.Key === 't/imports/missing') throw new NoSuchKey({ message: 'no such key', $metadata: { httpStatusCode: 404 } });
        return { Body: { transformToByteArray: async () => Uint8Array.from([0x50, 0x4b, 3, 4]) } };
      },
    } as unknown as S3Client;
    const store = new S3BlobStore({ bucket: 'b', region: 'cn-north-1', client });
    expect(await store.read('t/imports/01J')).toEqual(Uint8Array.from([0x50, 0x4b, 3, 4]));
    expect(sent[0]!.input).toMatchObject({ Bucket: 'b', Key: 't/imports/01J' });
    expect(sent[0]!.input.Range).toBeUndefined();
    expect(await store.read('t/imports/missing')).toBeUndefined();
  });

  it('presigns an import workbook PUT that carries its lifecycle tag as a signed header the client must send', async () => {
    const store = new S3BlobStore({ bucket: 'b', region: 'cn-north-1', client: offline() });
    const put = await store.presignPut('321281/imports/01J', { contentType: 'application/zip', contentLength: 10, expiresInSeconds: 600, tags: { 'ufp-kind': 'import-workbook' } });
    const url = new URL(put.url);
    expect(url.searchParams.get('X-Amz-SignedHeaders')!.split(';')).toEqual(expect.arrayContaining(['x-amz-tagging']));
    expect(url.searchParams.has('x-amz-tagging')).toBe(false); // S3 ignores a tag hoisted into the query
    expect(put.headers).toEqual({ 'content-type': 'application/zip', 'x-amz-tagging': 'ufp-kind=import-workbook' });
  });

  it('deletes an object by key', async () => {
    const sent: { input: Record<string, unknown> }[] = [];
    const client = { send: async (cmd: { input: Record<string, unknown> }) => void sent.push(cmd) } as unknown as S3Client;
    await new S3BlobStore({ bucket: 'b', region: 'cn-north-1', client }).delete('321281/imports/01J');
    expect(sent.map((c) => c.input)).toEqual([{ Bucket: 'b', Key: '321281/imports/01J' }]);
  });
});
