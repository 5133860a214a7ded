import { AsyncLocalStorage } from 'node:async_hooks';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '@ufp/kit/auth';
import { claimsFor, FIXTURE_TENANT, fixtureLedgerXlsx, fixtures, type FixtureRefs } from '@ufp/testing/fixtures';
import { createTenant, createUnit, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { fieldsOf, procedurePaths, procedures, type Segment, withValue, without } from '@ufp/testing/schema-walk';

/**
 * Arbitrary strings and numbers into every procedure's input, over HTTP, as a role allowed to call
 * it. Each procedure starts from its valid fixture (packages/testing/src/fixtures.ts) and gets a few
 * mutations: a field set to a hostile string (control characters, bidi overrides, unpaired
 * surrogates, zero-width-only, full-width digits, very long), a number JSON can carry (huge,
 * negative, fractional, -0, 1e308), a value of the wrong type, a field removed, an extra field, or
 * the whole input replaced. Whatever arrives:
 *   - never a 5xx;
 *   - a 4xx says what is wrong in Chinese (`message`) and in English (`data.messageEn`, no CJK
 *     characters), issue by issue, never in a library's words;
 *   - a 4xx writes nothing: no write to the table succeeds while the request is handled.
 *
 * FUZZ_RUNS (default 100 per procedure: about 20–40 s here) and FUZZ_SEED reproduce or widen a run; the seed is printed.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const CJK = /[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const LIBRARY_TEXT = /期望|数值过|Invalid input: expected|Too small|Too big|expected string|Unexpected token|JSON at position|Invalid time value|No procedure found|Unexpected end of JSON|Cannot read prop|undefined is not|is not a function|ValidationException|TRPCError|ZodError/;

// ── what arrives ─────────────────────────────────────────────────────────────────────────
const hostilePieces = [
  '\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\u009B', '\n', '\r\n', '\t', '\u2028',
  '\u202E', '\u202A', '\u2066', '\u2069', '\u200B', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u3164',
  '\uD800', '\uDFFF', '\uDBFF\uDBFF', '１２３４', 'Ｘ', '\u3000', '＋８６', 'e\u0301', '😀', '👩‍👩‍👧',
  '工会', ' ', "' OR '1'='1", '<script>alert(1)</script>', '../../etc/passwd', '%00', '${x}', '{"a":1}', 'null', '-0',
];
const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ maxLength: 8 })), { maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u200B\u200B', '\u3000\u3000', '\uFEFF') },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{6,18}[0-9X]?$/).map((s) => [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', '工', '\u200B', 'a\u0301'), fc.constantFrom(101, 2_001, 70_000, 300_000)).map(([c, n]) => c.repeat(n)) },
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-0, 1e308, -1e308, 2 ** 53, -(2 ** 53), 2 ** 53 + 2, 0.5, 1.5, -1, 1e-300, 99_999_999_999, 2_147_483_648),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const wrongType = fc.oneof(fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}), fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
const anyValue = fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 3, arbitrary: hostileNumber }, { weight: 2, arbitrary: wrongType });

type Mutation =
  | { kind: 'set'; path: Segment[]; value: unknown }
  | { kind: 'remove'; path: Segment[] }
  | { kind: 'extra'; path: Segment[]; key: string; value: unknown }
  | { kind: 'replace'; value: unknown };

/** The fields a mutation may aim at: the schema's (optional ones the fixture lacks included), record keys made concrete. */
function targets(procedure: string): Segment[][] {
  const paths = fieldsOf(procedure).map((f) => f.path.map((s) => (s === 'key' && f.inRecord ? 'someKey' : s)));
  const prefixes = paths.flatMap((p) => p.map((_, i) => p.slice(0, i + 1)));
  const unique = new Map(prefixes.map((p) => [JSON.stringify(p), p]));
  return [...unique.values()];
}

function mutations(procedure: string): fc.Arbitrary<Mutation[]> {
  const paths = targets(procedure);
  const path = paths.length ? fc.constantFrom(...paths) : fc.constant<Segment[]>([]);
  const one: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), path, value: anyValue }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), path }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), path: path.map((p) => p.slice(0, -1)), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'tenantId', 'version', 'unitId', 'extra'), fc.string({ maxLength: 10 })), value: anyValue }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), value: anyValue }) },
  );
  return fc.array(one, { minLength: 1, maxLength: 3 });
}

function apply(input: unknown, ms: Mutation[]): unknown {
  let out = input === undefined ? undefined : structuredClone(input);
  for (const m of ms) {
    if (m.kind === 'set') out = withValue(out, m.path, m.value);
    else if (m.kind === 'remove') out = without(out, m.path);
    else if (m.kind === 'replace') out = m.value;
    else out = withValue(out, [...m.path, m.key], m.value);
  }
  return out;
}

// ── how it is sent, and what it writes ───────────────────────────────────────────────────
let p: TestPlatform;
let refs: FixtureRefs;
const tokens = new Map<string, string | null>();
/** Successful writes to the table made while handling the current request (the relay and consumers run outside it). */
const requestWrites = new AsyncLocalStorage<string[]>();
const WRITE_COMMAND = /^(Put|Update|Delete|TransactWrite|BatchWrite)(Item)?Command$/;

async function tokenFor(role: string): Promise<string | null> {
  if (!tokens.has(role)) {
    const claims: Claims | null = claimsFor(role as Parameters<typeof claimsFor>[0], refs.unitId);
    tokens.set(role, claims ? await p.token(claims) : null);
  }
  return tokens.get(role)!;
}

interface Answer {
  status: number;
  body: { error?: { message?: unknown; data?: { messageEn?: unknown; issues?: { message?: unknown; messageEn?: unknown }[] } } };
  writes: string[];
}

async function send(procedure: string, input: unknown): Promise<Answer> {
  const token = await tokenFor(fixtures[procedure]!.as);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const json = input === undefined ? undefined : JSON.stringify(input);
  const writes: string[] = [];
  const res = await requestWrites.run(writes, () =>
    procedures[procedure]!._def.type === 'query'
      ? p.runtime.app.request(`/trpc/${procedure}${json === undefined ? '' : `?input=${encodeURIComponent(json)}`}`, { headers })
      : p.runtime.app.request(`/trpc/${procedure}`, { method: 'POST', headers, body: json ?? 'null' }),
  );
  const text = await res.text();
  let body: Answer['body'] = {};
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = { error: { message: `not JSON: ${text.slice(0, 200)}` } };
  }
  return { status: res.status, body, writes };
}

/** What is wrong with an answer, or undefined when it keeps the rules. */
function problemWith(a: Answer): string | undefined {
  if (a.status >= 500) return `${a.status}: ${JSON.stringify(a.body).slice(0, 500)}`;
  if (a.status < 400) return undefined;
  const error = a.body.error;
  const zh = error?.message;
  const en = error?.data?.messageEn;
  if (typeof zh !== 'string' || !CJK.test(zh)) return `${a.status} without a Chinese message: ${JSON.stringify(error).slice(0, 300)}`;
  if (typeof en !== 'string' || !/[A-Za-z]/.test(en)) return `${a.status} without an English message: ${JSON.stringify(error).slice(0, 300)}`;
  if (CJK.test(en)) return `${a.status} messageEn is not English: ${en.slice(0, 300)}`;
  if (LIBRARY_TEXT.test(`${zh} ${en}`)) return `${a.status} in a library's words: ${zh.slice(0, 200)} / ${en.slice(0, 200)}`;
  for (const issue of error?.data?.issues ?? []) {
    if (typeof issue.message !== 'string' || !CJK.test(issue.message)) return `issue without a Chinese message: ${JSON.stringify(issue).slice(0, 300)}`;
    if (typeof issue.messageEn !== 'string' || CJK.test(issue.messageEn)) return `issue without an English message: ${JSON.stringify(issue).slice(0, 300)}`;
  }
  if (a.writes.length) return `${a.status} but wrote: ${a.writes.join(', ')}`;
  return undefined;
}

beforeAll(async () => {
  // eslint-disable-next-line no-console
  console.log(`fuzz.property: seed ${SEED}, ${RUNS} runs per procedure (FUZZ_SEED=${SEED} to replay)`);
  p = await startTestPlatform();
  await createTenant(p, FIXTURE_TENANT, FIXTURE_TENANT);
  const unit = await createUnit(p, FIXTURE_TENANT, { name: '模糊测试企业工会', chair: { name: '王五', phone: '13800001111' } });
  let serial = 0;
  refs = { unitId: unit.unitId, year: new Date().getUTCFullYear(), newTenantId: () => `fuzz-${process.pid}-${serial++}`, ledgerXlsx: await fixtureLedgerXlsx() };
  const doc = p.runtime.deps.table.doc;
  const original = doc.send.bind(doc);
  (doc as { send: unknown }).send = async (command: { constructor: { name: string }; input: unknown }, ...rest: unknown[]) => {
    const out = await (original as (...a: unknown[]) => Promise<unknown>)(command, ...rest);
    const writes = requestWrites.getStore();
    if (writes && WRITE_COMMAND.test(command.constructor.name)) writes.push(command.constructor.name);
    return out;
  };
}, 60_000);
afterAll(() => p?.dispose());

describe('every procedure, fuzzed', () => {
  it('every procedure has a fixture to start from', () => {
    expect(procedurePaths.filter((path) => !fixtures[path])).toEqual([]);
  });

  it('control: the write tracker sees a valid mutation write, and nothing for a refused one', async () => {
    const ok = await send('units.create', fixtures['units.create']!.input(refs));
    expect(ok.status).toBe(200);
    expect(ok.writes).toContain('TransactWriteCommand');
    const refused = await send('units.create', { ...(fixtures['units.create']!.input(refs) as object), name: '\u200B\u200B' });
    expect(refused.status).toBe(400);
    expect(refused.writes).toEqual([]);
  });

  it('control: each fixture, unmutated, is accepted (200, or 404/409 for the records it names that do not exist)', async () => {
    const bad: string[] = [];
    for (const path of procedurePaths) {
      const a = await send(path, fixtures[path]!.input(refs));
      if (![200, 404, 409].includes(a.status)) bad.push(`${path}: ${a.status} ${JSON.stringify(a.body.error).slice(0, 200)}`);
    }
    expect(bad).toEqual([]);
  });

  it.each(procedurePaths.map((path) => ({ path })))('$path: never 5xx; every 4xx bilingual and writes nothing', async ({ path }) => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(mutations(path), async (ms) => {
        const input = apply(fixtures[path]!.input(refs), ms);
        const answer = await send(path, input);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = problemWith(answer);
        if (problem) throw new Error(`${path} ${problem}\n  input: ${JSON.stringify(input)?.slice(0, 600)}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  });
});
