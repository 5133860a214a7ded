import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from '@ufp/core/errors';

/**
 * Opaque pagination cursors: the LastEvaluatedKey plus the partition owner it belongs to,
 * HMAC-signed, so a cursor can be neither forged nor replayed in another tenant.
 */
export class CursorCodec {
  constructor(private readonly key: Buffer) {}

  encode(owner: string, lastKey: Record<string, unknown> | undefined): string | undefined {
    if (!lastKey) return undefined;
    const body = Buffer.from(JSON.stringify({ o: owner, k: lastKey })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  decode(owner: string, cursor: string | undefined): Record<string, unknown> | undefined {
    if (!cursor) return undefined;
    const [body, sig] = cursor.split('.');
    if (!body || !sig || !this.verify(body, sig)) throw badCursor();
    let parsed: { o?: string; k?: Record<string, unknown> };
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw badCursor();
    }
    if (parsed.o !== owner || !parsed.k) throw badCursor();
    return parsed.k;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 32);
  }

  private verify(body: string, sig: string): boolean {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(sig);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const badCursor = () =>
  invalid({ zh: '分页游标无效或不属于当前租户', en: 'Invalid cursor, or it belongs to another tenant' }, { field: 'cursor' });
