import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '@ufp/api/router';
import type { Claims } from '@ufp/kit/auth';
import { describeField } from '@ufp/core/validation/labels';
import { dateMessage, dateTimeMessage, isoDateSchema, isoDateTimeSchema, isoDateTimeUntilSchema } from '@ufp/core/validation/zod';
import { claimsFor, fixtures as accessFixtures } from '@ufp/testing/fixtures';
import { adminOf, createTenant, createUnit, staffOf, startTestPlatform, type TestPlatform } from '@ufp/testing/platform';
import { type Segment, withValue } from '@ufp/testing/schema-walk';

/**
 * One strict date for the whole API. The router's input schemas are walked: every field that
 * uses the shared date (or instant) schema, and every field whose name says it is a date, is fed
 * impossible dates through HTTP. Each must answer 400 with the one bilingual message at that
 * field, write nothing, and send nothing with the bad date to the store.
 */
const T = '321281';
const admin = adminOf(T);
const staff = staffOf(T);

type Zod = { _zod: { def: Record<string, any> } };
type Kind = 'date' | 'dateTime' | 'unshared';
interface DateField {
  path: Segment[];
  kind: Kind;
  /** Values the path needs around it to be valid apart from the date (a tuple's other element). */
  around?: { path: Segment[]; value: unknown };
}

/** Names that say "a date": …On, …Date, deadline, start/end, from/to. */
const DATE_NAME = /(On|Date|date|Day|deadline|Deadline|start|Start|end|End|^from|^to|At)$/;
const VALID_DATE = '2026-03-02';

/** Every date field of a schema, with the shared schema it uses (or `unshared` when a date-named string does not). */
function dateFields(schema: Zod, path: Segment[] = [], name = ''): DateField[] {
  if ((schema as unknown) === isoDateSchema) return [{ path, kind: 'date' }];
  if ((schema as unknown) === isoDateTimeSchema || (schema as unknown) === isoDateTimeUntilSchema) return [{ path, kind: 'dateTime' }];
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, Zod>).flatMap(([key, inner]) => dateFields(inner, [...path, key], key));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return dateFields(def.innerType, path, name);
    case 'pipe':
      return dateFields(def.in, path, name);
    case 'array':
      return dateFields(def.element, [...path, 0], name);
    case 'union':
      return (def.options as Zod[]).flatMap((o) => dateFields(o, path, name));
    case 'tuple':
      return (def.items as Zod[]).flatMap((item, i) =>
        dateFields(item, [...path, i], name).map((f) => ({ ...f, around: f.around ?? { path, value: (def.items as Zod[]).map(() => VALID_DATE) } })),
      );
    case 'record':
      return dateFields(def.valueType, [...path, 'key'], name);
    case 'string':
      return DATE_NAME.test(name) ? [{ path, kind: 'unshared' }] : [];
    default:
      return [];
  }
}

type Procedure = { _def: { type: 'query' | 'mutation'; inputs: Zod[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
const fieldsOf = (path: string) => procedures[path]!._def.inputs.flatMap((i) => dateFields(i));
const datePaths = Object.keys(procedures)
  .filter((path) => fieldsOf(path).length > 0)
  .sort();

// Fixtures, prepared in beforeAll.
let p: TestPlatform;
let unitId: string;
let planId: string;

/**
 * Each procedure that takes a date is sent its permission-matrix fixture (its module's `test/access.ts` row: a role
 * that may call it and an input valid in every other field, so a 400 can only come from the date). Overrides
 * name real records where that makes an accepted bad date write something.
 */
const overrides: Record<string, { as: () => Claims; input: () => Record<string, unknown> }> = {
  'contracts.create': {
    as: () => staff,
    input: () => ({ type: 'industry', scope: { industry: 'express' }, employerParties: [{ name: '日期测试快递协会' }], coveredEnterprises: 3, coveredEmployees: 90, term: { start: '2026-01-01', end: '2026-12-31' } }),
  },
  'tenThings.candidates.propose': {
    as: () => staff,
    input: () => ({ planId, title: '日期测试项目', category: 'other', leadDept: '办公室', targets: [{ indicator: '宣讲', unit: '场', comparator: 'gte', target: 20, deadline: '2030-06-30' }] }),
  },
  'hardship.files.create': {
    as: () => staff,
    input: () => ({
      unitId,
      worker: { name: '日期测试职工', idNumber: '11010519491231002X', employmentStart: '2020-05-01' },
      household: { members: [{ relation: '本人', name: '日期测试职工' }], annualIncomeFen: 100, rigidExpensesFen: 0 },
      consentGiven: true,
    }),
  },
};

/** The override, else the access row's fixture (an access row is required of every procedure: tests/permissions.test.ts). */
function fixtureOf(path: string): { as: () => Claims | null; input: () => Record<string, unknown> } {
  const override = overrides[path];
  if (override) return override;
  const row = accessFixtures[path];
  if (!row) throw new Error(`${path} has no access row`);
  return { as: () => claimsFor(row.as, unitId), input: () => row.input({ unitId, year: 2026, newTenantId: () => `dates-${process.pid}`, ledgerXlsx: '' }) as Record<string, unknown> };
}

const BAD = ['2026-02-30', '2026-13-01', '2025-02-29'] as const;

const valueAt = (base: unknown, path: Segment[]): unknown => path.reduce<any>((at, key) => (at === undefined || at === null ? undefined : at[key]), base);

/** The bad input for one field: the valid fixture with the field (and what the field needs around it) replaced. */
function badInput(path: string, field: DateField, bad: string): unknown {
  const base = fixtureOf(path).input();
  return withValue(field.around ? withValue(base, field.around.path, field.around.value) : base, field.path, bad);
}

/** Every item of the table, as sorted keys with a hash of the rest, to show that nothing was written. */
async function tableFingerprint(): Promise<string[]> {
  const { table } = p.runtime.deps;
  const out: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await table.doc.send(new ScanCommand({ TableName: table.name, ConsistentRead: true, ExclusiveStartKey: start }));
    for (const item of res.Items ?? []) out.push(JSON.stringify(item, Object.keys(item).sort()));
    start = res.LastEvaluatedKey;
  } while (start);
  return out.sort();
}

/** Records the input of every command sent to the store while `fn` runs. */
async function storeTraffic(fn: () => Promise<void>): Promise<string[]> {
  const { doc } = p.runtime.deps.table;
  const send = doc.send.bind(doc);
  const seen: string[] = [];
  (doc as { send: unknown }).send = (command: { input: unknown }, ...rest: unknown[]) => {
    seen.push(JSON.stringify(command.input));
    return (send as (...a: unknown[]) => unknown)(command, ...rest);
  };
  try {
    await fn();
  } finally {
    (doc as { send: unknown }).send = send;
  }
  return seen;
}

beforeAll(async () => {
  p = await startTestPlatform();
  await createTenant(p, T, T);
  unitId = (await createUnit(p, T, { name: '日期测试企业工会' })).unitId;
  const plan = await p.mutate(admin, 'tenThings.plans.create', { year: 2030, title: '日期测试十件实事' });
  expect(plan.status, JSON.stringify(plan.error)).toBe(200);
  planId = plan.data.planId;
  await p.settle(); // the consumers' own writes land before the table is fingerprinted
});

afterAll(() => p?.dispose());

describe('the date fields of the API', () => {
  it('every date-named field uses the shared date schema (or the instant schema for filters)', () => {
    const unshared = datePaths.flatMap((path) => fieldsOf(path).filter((f) => f.kind === 'unshared').map((f) => `${path}: ${f.path.join('.')}`));
    expect(unshared).toEqual([]);
  });

  it('every procedure that takes a date has a fixture, and every override is one of them', () => {
    expect(datePaths.filter((path) => !overrides[path] && !accessFixtures[path])).toEqual([]);
    expect(Object.keys(overrides).filter((path) => !datePaths.includes(path))).toEqual([]);
    // The walk finds what it should: a sample of fields in each module, a tuple inside a union included.
    const found = datePaths.flatMap((path) => fieldsOf(path).map((f) => `${path}:${f.path.join('.')}`));
    expect(found).toEqual(
      expect.arrayContaining([
        'contracts.create:term.start',
        'contracts.review.record:objectionOn',
        'contracts.calendar.load:off.0',
        'contracts.calendar.load:off.0.1',
        'contracts.calendar.load:work.0',
        'tenThings.candidates.propose:targets.0.deadline',
        'tenThings.progress.report:occurredOn',
        'hardship.files.create:worker.employmentStart',
        'audit.list:from',
        'audit.list:to',
      ]),
    );
  });

  it('every fixture is valid input, so a 400 can only come from the date', () => {
    const invalid = datePaths.flatMap((path) =>
      procedures[path]!._def.inputs.map((schema) => (schema as unknown as { safeParse(v: unknown): { success: boolean; error?: unknown } }).safeParse(fixtureOf(path).input())).filter((r) => !r.success).map((r) => `${path}: ${JSON.stringify(r.error)}`),
    );
    expect(invalid).toEqual([]);
    // A date inside a list or an object is there in the fixture, so the bad input differs from it in the date only.
    const missing = datePaths.flatMap((path) => fieldsOf(path).filter((f) => f.path.length > 1 && !f.around && valueAt(fixtureOf(path).input(), f.path.slice(0, -1)) === undefined).map((f) => `${path}: ${f.path.join('.')}`));
    expect(missing).toEqual([]);
  });

  const cells = datePaths.flatMap((path) =>
    fieldsOf(path)
      // A date-named field that does not use the shared schema is walked too: it should answer like one.
      .flatMap((field) => BAD.map((bad) => ({ name: `${path} ${field.path.join('.')} = ${bad} → 400`, path, field, bad }))),
  );

  it('refuses an impossible date in every date field with 400 and the bilingual message at that field, writing nothing and sending nothing with it to the store', async () => {
    expect(cells.length).toBeGreaterThan(50);
    const before = await tableFingerprint();
    const failures: string[] = [];
    const traffic = await storeTraffic(async () => {
      for (const { name, path, field, bad } of cells) {
        const res = await p.call(fixtureOf(path).as(), path, badInput(path, field, bad), procedures[path]!._def.type);
        const message = field.kind === 'dateTime' ? dateTimeMessage : dateMessage;
        // The date's message after the field's name in words ("签订日期不是有效日期：…" / "Signing date is not a valid date: …").
        const label = describeField(path, field.path);
        const expected = { status: 400, issues: [{ path: field.path, message: `${label.zh}${message.zh}`, messageEn: `${label.en} ${message.en}` }] };
        const got = { status: res.status, issues: res.error?.data.issues?.map(({ path: at, message: zh, messageEn }) => ({ path: at, message: zh, messageEn })) };
        if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${name}: got ${JSON.stringify(got)}`);
        else if (!res.error?.message.includes(message.zh) || !res.error.data.messageEn?.includes(message.en)) failures.push(`${name}: top-level message ${JSON.stringify(res.error)}`);
      }
    });
    expect(failures).toEqual([]);
    expect(traffic.filter((input) => BAD.some((bad) => input.includes(bad)))).toEqual([]);
    expect(await tableFingerprint()).toEqual(before);
  });

  it('control: the same fixtures with their valid dates reach the store (so the walk above could have written)', async () => {
    const created = await p.mutate(staff, 'contracts.create', overrides['contracts.create']!.input());
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    const proposed = await p.mutate(staff, 'tenThings.candidates.propose', overrides['tenThings.candidates.propose']!.input());
    expect(proposed.status, JSON.stringify(proposed.error)).toBe(200);
  });
});

describe('audit filters', () => {
  it('read a bare date as a day in China and an instant with an offset as that instant', async () => {
    // 2026-03-01T17:30Z is 01:30 on 03-02 in Shanghai.
    p.clock.set(new Date('2026-03-01T17:30:00Z'));
    const unit = await createUnit(p, T, { name: '审计筛选测试工会' });
    const hits = async (filter: Record<string, string>) => {
      const res = await p.query(admin, 'audit.list', { limit: 200, entityType: 'unit', ...filter });
      expect(res.status, JSON.stringify(res.error)).toBe(200);
      return (res.data.items as { entityId: string }[]).some((e) => e.entityId === unit.unitId);
    };
    expect(await hits({ from: '2026-03-02', to: '2026-03-02' })).toBe(true);
    expect(await hits({ to: '2026-03-01' })).toBe(false);
    expect(await hits({ from: '2026-03-03' })).toBe(false);
    expect(await hits({ from: '2026-03-02T01:00:00+08:00', to: '2026-03-02T02:00:00+08:00' })).toBe(true);
    expect(await hits({ from: '2026-03-02T02:00:00+08:00' })).toBe(false);
    expect(await hits({ to: '2026-03-01T17:29:59.999Z' })).toBe(false);
  });

  it('refuse a time without a zone, which would be read differently by every client', async () => {
    const res = await p.query(admin, 'audit.list', { from: '2026-03-02T01:00:00' });
    expect(res.status).toBe(400);
    expect(res.error?.data.issues).toEqual([{ path: ['from'], message: `开始时间${dateTimeMessage.zh}`, messageEn: `From ${dateTimeMessage.en}`, field: { zh: '开始时间', en: 'From' } }]);
  });
});
