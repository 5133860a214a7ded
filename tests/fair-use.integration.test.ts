import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateLocalSigningKeys, signLocalToken, type Claims } from '@ufp/kit/auth';
import { FairUse, type FairUseSettings } from '@ufp/kit/fair-use';
import { UsageCounterRepository, usageKeys } from '@ufp/db/repositories/usage';
import { adminOf, createTenant, operator, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';

// Per-tenant fairness through the real app and the real counter on DynamoDB Local. The window grid
// runs on an injected clock so that the Retry-After a test expects is exact: each test starts 15 s into
// a one-minute window of its own (45 s before its end), an hour after the previous test's, so the
// counters stored in the table by one test never meet another's.
let WINDOW_START = Date.UTC(2026, 11, 2, 2, 0, 0);
let now = WINDOW_START + 15_000;
let p: TestPlatform;

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, '321281', '321281');
  await createTenant(p, '321282', '321282');
});
afterAll(async () => p?.dispose());
beforeEach(() => {
  WINDOW_START += 3600_000;
  now = WINDOW_START + 15_000;
});

/** The app's limiter replaced by one with these limits (one Lambda instance's worth), on the platform's table. */
function limitTo(settings: Partial<FairUseSettings>, log?: (e: Record<string, unknown>) => void): FairUse {
  const fairUse = new FairUse(new UsageCounterRepository(p.runtime.deps.table), settings, { now: () => now, log });
  p.runtime.deps.fairUse = fairUse;
  return fairUse;
}

interface Call {
  status: number;
  retryAfter: string | null;
  body: { result?: { data: unknown }; error?: { message: string; data: { code: string; httpStatus: number; messageEn?: string; details?: Record<string, unknown> } } };
}

/** A query over HTTP as a browser sends it: a bearer token (or a raw header), from a socket address. */
async function query(path: string, input: unknown, from: { claims?: Claims; authorization?: string; address?: string }): Promise<Call> {
  const headers: Record<string, string> = {};
  if (from.claims) headers.authorization = `Bearer ${await p.token(from.claims)}`;
  if (from.authorization) headers.authorization = from.authorization;
  const env = { incoming: { socket: { remoteAddress: from.address ?? '192.0.2.10' } } };
  const res = await p.runtime.app.request(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers }, env);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Call['body'] };
}

const statuses = (calls: Call[]) => calls.map((c) => c.status);

async function times(n: number, call: () => Promise<Call>): Promise<Call[]> {
  const out: Call[] = [];
  for (let i = 0; i < n; i++) out.push(await call());
  return out;
}

describe('per-tenant fairness (429 with Retry-After)', () => {
  it('refuses a flooding tenant with 429, Retry-After and a bilingual message, while another tenant’s calls in the same window succeed', async () => {
    limitTo({ perTenant: 30, perPublicClient: 1000 });
    const flood = await times(40, () => query('units.list', {}, { claims: adminOf('321281') }));
    expect(statuses(flood)).toEqual([...Array(30).fill(200), ...Array(10).fill(429)]);
    const refused = flood.at(-1)!;
    expect(refused.retryAfter).toBe('45');
    expect(refused.body.error).toMatchObject({
      message: '请求过于频繁，请 45 秒后重试',
      data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429, messageEn: 'Too many requests; retry in 45 seconds', details: { reason: 'rate_limited', retryAfterSeconds: 45 } },
    });

    // Same window, same instance: the other county is not slowed at all.
    expect(statuses(await times(20, () => query('units.list', {}, { claims: adminOf('321282') })))).toEqual(Array(20).fill(200));
    // The budget is the tenant's: another user of the flooding tenant waits too.
    expect((await query('units.list', {}, { claims: staffOf('321281') })).status).toBe(429);

    // Retry-After counts down to the end of the window; after it the tenant is served again.
    now = WINDOW_START + 59_600;
    expect((await query('units.list', {}, { claims: adminOf('321281') })).retryAfter).toBe('1');
    now = WINDOW_START + 60_000;
    expect((await query('units.list', {}, { claims: adminOf('321281') })).status).toBe(200);
  });

  it('counts a forged token against the address that sent it, never against the tenant it names', async () => {
    limitTo({ perTenant: 5, perPublicClient: 3 });
    // A token for 321282's admin signed with a key the platform never issued.
    const forged = await signLocalToken(await generateLocalSigningKeys(), adminOf('321282'));
    const attack = await times(8, () => query('units.list', {}, { authorization: `Bearer ${forged}`, address: '198.51.100.7' }));
    expect(statuses(attack)).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
    // 321282's own budget (5) is untouched.
    expect(statuses(await times(5, () => query('units.list', {}, { claims: adminOf('321282') })))).toEqual(Array(5).fill(200));
  });

  it('limits anonymous callers of the public pages per address: one address flooding does not refuse another', async () => {
    limitTo({ perTenant: 1000, perPublicClient: 10 });
    const flood = await times(12, () => query('hardship.notices.list', { tenantId: '321281' }, { address: '203.0.113.5' }));
    expect(statuses(flood)).toEqual([...Array(10).fill(200), 429, 429]);
    expect(flood.at(-1)!.retryAfter).toBe('45');
    expect((await query('hardship.notices.list', { tenantId: '321281' }, { address: '203.0.113.6' })).status).toBe(200);
    // A signed-in user without a tenant (the operator) is counted on their own, not as that address.
    expect((await query('platform.tenants.list', {}, { claims: operator, address: '203.0.113.5' })).status).toBe(200);
  });
});

describe('the shared counter (DynamoDB)', () => {
  const table = () => p.runtime.deps.table;
  const tenant = { kind: 'tenant', id: 'fair-use-probe' } as const;
  const usageItems = async (subject: { kind: 'tenant' | 'user' | 'client'; id: string }) =>
    (
      await table().doc.send(
        new QueryCommand({ TableName: table().name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': usageKeys.counter(subject, 60, 0).pk }, ConsistentRead: true }),
      )
    ).Items ?? [];
  const admitted = async (fairUse: FairUse, subject: typeof tenant | { kind: 'tenant'; id: string }) => fairUse.admit(subject).then(() => true, () => false);

  it('is global: two instances taking turns with one tenant admit at most the limit plus one report share each, then both refuse', async () => {
    const subject = { kind: 'tenant', id: 'fair-use-global' } as const;
    const counter = new UsageCounterRepository(table());
    const settings = { perTenant: 100, reportShare: 10 }; // each instance reports every 10 calls
    const instances = [new FairUse(counter, settings, { now: () => now }), new FairUse(counter, settings, { now: () => now })];
    let accepted = 0;
    let call = 0;
    // Until both instances refuse in a row.
    for (let refusedInRow = 0; refusedInRow < 2 && call < 400; call++) {
      if (await admitted(instances[call % 2]!, subject)) {
        accepted++;
        refusedInRow = 0;
      } else refusedInRow++;
    }
    // Each instance alone would have admitted 100: together they stopped near 100, not 200.
    expect(accepted).toBeGreaterThanOrEqual(100);
    expect(accepted).toBeLessThanOrEqual(100 + 2 * 10);
    const [item] = await usageItems(subject);
    expect(item).toMatchObject({ kind: 'usage', sk: usageKeys.counter(subject, 60, WINDOW_START / 1000).sk });
    expect(item!.calls).toBeGreaterThan(100);
    // Removed by TTL an hour after its window ends.
    expect(item!.ttl).toBe((WINDOW_START + 60_000) / 1000 + 3600);

    // A third instance that has seen none of it learns the total at its first report and refuses from then on.
    const late = new FairUse(counter, settings, { now: () => now });
    const lateResults: boolean[] = [];
    for (let i = 0; i < 12; i++) lateResults.push(await admitted(late, subject));
    expect(lateResults).toEqual([...Array(9).fill(true), false, false, false]);
  });

  it('costs a normal tenant no writes: nothing is stored until an instance has seen a report share of the limit', async () => {
    const fairUse = new FairUse(new UsageCounterRepository(table()), {}, { now: () => now }); // 1,200 a minute: one report per 60 calls
    for (let i = 0; i < 59; i++) await fairUse.admit(tenant);
    expect(await usageItems(tenant)).toEqual([]);
    await fairUse.admit(tenant);
    expect((await usageItems(tenant)).map((i) => i.calls)).toEqual([60]);
  });

  it('keeps serving on the local count when the counter cannot be written, and says so in the log', async () => {
    const logged: Record<string, unknown>[] = [];
    const broken = new UsageCounterRepository({ name: 'no-such-table', doc: table().doc });
    const fairUse = new FairUse(broken, { perTenant: 10, reportShare: 2 }, { now: () => now, log: (e) => logged.push(e) });
    const results: boolean[] = [];
    for (let i = 0; i < 12; i++) results.push(await admitted(fairUse, { kind: 'tenant', id: 'fair-use-broken' }));
    expect(results).toEqual([...Array(10).fill(true), false, false]);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0]).toMatchObject({ level: 'warn', subject: 'tenant', error: 'ResourceNotFoundException' });
    expect(JSON.stringify(logged)).not.toContain('fair-use-broken');
  });

  it('stores a keyed hash for users and addresses, never the subject or the address itself', async () => {
    limitTo({ perTenant: 4, perPublicClient: 4, reportShare: 2 });
    for (let i = 0; i < 4; i++) await query('hardship.notices.list', { tenantId: '321281' }, { address: '203.0.113.99' });
    // A subject with a dot, which a base64url hash never contains: a hash cannot match it by chance ('op' could).
    const namedOperator: Claims = { ...operator, sub: 'operator.fair-use' };
    for (let i = 0; i < 2; i++) await query('platform.tenants.list', {}, { claims: namedOperator, address: '203.0.113.99' });
    const all = await scanUsage();
    expect(all.filter((i) => String(i.pk).startsWith('USAGE#client#')).length).toBeGreaterThan(0);
    expect(all.filter((i) => String(i.pk).startsWith('USAGE#user#')).length).toBeGreaterThan(0);
    expect(JSON.stringify(all)).not.toContain('203.0.113.99');
    expect(JSON.stringify(all)).not.toContain(namedOperator.sub);
  });

  async function scanUsage(): Promise<Record<string, unknown>[]> {
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
    const res = await table().doc.send(new ScanCommand({ TableName: table().name, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': 'usage' }, ConsistentRead: true }));
    return res.Items ?? [];
  }

  it('reads its item back by key', async () => {
    const subject = { kind: 'tenant', id: 'fair-use-read' } as const;
    const counter = new UsageCounterRepository(table());
    expect(await counter.add(subject, 60, 600, 7)).toBe(7);
    expect(await counter.add(subject, 60, 600, 5)).toBe(12);
    const { Item } = await table().doc.send(new GetCommand({ TableName: table().name, Key: usageKeys.counter(subject, 60, 600), ConsistentRead: true }));
    expect(Item).toMatchObject({ pk: 'T#fair-use-read#USAGE', sk: 'W60#1970-01-01T00:10:00.000Z', calls: 12, kind: 'usage' });
  });
});
