import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@ufp/api/router';
import { adminOf, createTenant, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

/**
 * Over a real socket (not app.request): a client that is still sending a body over the limit must get the
 * 413, not a reset connection. Sizes of 2–5 MB, 20 tries per client.
 */
describe('a request body over the limit, over HTTP', () => {
  let p: TestPlatform;
  let token: string;
  const TRIES = 20;
  const sizeOf = (i: number) => (2 + (i % 4)) * 1024 * 1024;
  const bigInput = (bytes: number) => ({ name: 'x'.repeat(bytes), type: 'regional', memberCount: 1, chair: { name: '王某' } });

  beforeAll(async () => {
    p = await startTestPlatform();
    await createTenant(p, '321281', '321281');
    token = await p.token(adminOf('321281'));
  });
  afterAll(() => p.dispose());

  it('gets the 413 answer with Node fetch every time', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      try {
        const res = await fetch(`${p.url}/trpc/units.create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(bigInput(sizeOf(i))),
        });
        const body = (await res.json()) as { error: { message: string; data: { code: string; messageEn: string } } };
        outcomes.push(`${res.status} ${body.error.data.code} ${body.error.message} / ${body.error.data.messageEn}`);
      } catch (err) {
        outcomes.push(`failed: ${String((err as Error & { cause?: { code?: string } }).cause?.code ?? err)}`);
      }
    }
    expect(outcomes).toEqual(Array(TRIES).fill('413 PAYLOAD_TOO_LARGE 请求体超过 1 MB / Request body exceeds 1 MB'));
  });

  it('gets the 413 answer with the official tRPC client every time', async () => {
    const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${p.url}/trpc`, headers: { authorization: `Bearer ${token}` } })] });
    const outcomes: string[] = [];
    for (let i = 0; i < TRIES; i++) {
      try {
        await client.units.create.mutate(bigInput(sizeOf(i)) as never);
        outcomes.push('accepted');
      } catch (err) {
        const data = err instanceof TRPCClientError ? (err.data as { httpStatus?: number; code?: string } | undefined) : undefined;
        outcomes.push(data ? `${data.httpStatus} ${data.code} ${(err as Error).message}` : `failed: ${String((err as Error).cause ?? err)}`);
      }
    }
    expect(outcomes).toEqual(Array(TRIES).fill('413 PAYLOAD_TOO_LARGE 请求体超过 1 MB'));
  });

  it('gets the 413 for a body sent without a length (chunked), and takes a small chunked body', async () => {
    const chunked = (text: string) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          const bytes = new TextEncoder().encode(text);
          for (let i = 0; i < bytes.length; i += 256 * 1024) controller.enqueue(bytes.subarray(i, i + 256 * 1024));
          controller.close();
        },
      });
    const send = (text: string) =>
      fetch(`${p.url}/trpc/units.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: chunked(text),
        duplex: 'half',
      } as RequestInit);
    for (let i = 0; i < 5; i++) {
      const res = await send(JSON.stringify(bigInput(sizeOf(i))));
      expect(res.status).toBe(413);
      expect(res.headers.get('connection')).toBe('close');
    }
    const small = await send(JSON.stringify({ name: '分块上传工会', type: 'regional', memberCount: 3, chair: { name: '李某' } }));
    expect(small.status).toBe(200);
  });

  it('still answers a body within the limit on the same server', async () => {
    const res = await fetch(`${p.url}/trpc/units.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: '某某公司工会', type: 'regional', memberCount: 12, chair: { name: '王某' } }),
    });
    expect(res.status).toBe(200);
  });
});
