import { createReadStream, createWriteStream } from 'node:fs';
import { link, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Context, Hono } from 'hono';
import { attachmentDisposition } from '@ufp/core/evidence/blob-store';
import { BLOB_ROUTE_PREFIX } from '@ufp/api/app';
import type { LocalBlobStore } from './blob-store.js';

type Status = 400 | 403 | 404 | 409 | 413;
const fail = (c: Context, status: Status, zh: string, en: string) => c.json({ error: { message: zh, data: { httpStatus: status, messageEn: en } } }, status);
const mediaType = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();

class TooLarge extends Error {}

/**
 * The local routes behind LocalBlobStore's URLs, playing S3's part: a PUT is accepted only with a valid,
 * unexpired token, the declared Content-Type and exactly the declared number of bytes (streamed to disk, cut
 * off past the limit), and never over an object that already exists; a GET serves the object as an attachment.
 * Mounted by the local runtime only; the app's 1 MB JSON body limit does not apply under this prefix.
 */
export function blobRoutes(store: LocalBlobStore) {
  return (app: Hono) => {
    app.put(`${BLOB_ROUTE_PREFIX}:token`, async (c) => {
      const grant = store.verify(c.req.param('token'), 'PUT');
      if (!grant) return fail(c, 403, '上传链接无效或已过期', 'The upload link is invalid or has expired');
      if (mediaType(c.req.header('content-type')) !== grant.ct) return fail(c, 400, '文件类型与申请上传时不一致', 'Content-Type differs from the one declared');
      const declared = grant.n ?? 0;
      const length = c.req.header('content-length');
      if (length !== undefined && Number(length) !== declared) return fail(c, 400, '文件大小与申请上传时不一致', 'Content-Length differs from the size declared');
      const { final, temp } = await store.tempPathFor(grant.k);
      if (await stat(final).then(() => true, () => false)) return fail(c, 409, '该文件已上传，不能覆盖', 'This object was already uploaded and cannot be overwritten');
      const body = c.req.raw.body;
      if (!body) return fail(c, 400, '文件为空', 'Empty body');
      let received = 0;
      try {
        await pipeline(
          Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>),
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              received += chunk.length;
              if (received > declared) throw new TooLarge();
              yield chunk;
            }
          },
          createWriteStream(temp, { flags: 'wx' }),
        );
      } catch (err) {
        await rm(temp, { force: true });
        if (err instanceof TooLarge) return fail(c, 413, '文件超过申请上传时的大小', 'The body exceeds the declared size');
        throw err;
      }
      if (received !== declared) {
        await rm(temp, { force: true });
        return fail(c, 400, '文件大小与申请上传时不一致', 'The body does not have the declared size');
      }
      // link, not rename: it fails when the object appeared meanwhile (two PUTs racing), so none is overwritten.
      const linked = await link(temp, final).then(() => true, () => false);
      await rm(temp, { force: true });
      if (!linked) return fail(c, 409, '该文件已上传，不能覆盖', 'This object was already uploaded and cannot be overwritten');
      return c.body(null, 200);
    });

    app.get(`${BLOB_ROUTE_PREFIX}:token`, async (c) => {
      const grant = store.verify(c.req.param('token'), 'GET');
      if (!grant) return fail(c, 403, '下载链接无效或已过期', 'The download link is invalid or has expired');
      const path = store.pathOf(grant.k)!;
      const size = await stat(path).then((s) => s.size, () => undefined);
      if (size === undefined) return fail(c, 404, '文件不存在', 'No such object');
      const stream = Readable.toWeb(createReadStream(path)) as unknown as ReadableStream;
      return c.body(stream, 200, {
        'content-type': grant.ct,
        'content-length': String(size),
        'content-disposition': attachmentDisposition(grant.fn ?? 'file'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    });
  };
}
