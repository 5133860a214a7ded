import { z } from 'zod';
import { conflict, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '@ufp/db/cursor';
import { tenantPrefix } from '@ufp/db/keys';
import { batchGetAll, filterExpression, getItem, queryAll, queryPage, type Page } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import { storedEvidenceRef } from '@ufp/core/evidence/stored';
import { clauseKeys } from './domain/clauses.js';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { storedNotice, type StoredNotice } from '@ufp/kit/calendar';
import { bargainingSide, clockRules, contractStatus, contractType, dayCountKind, defaultContractSettings, femaleProtection, industry, skillGrade, specialKind, type Contract, type ContractSettings } from './domain/contract.js';
import { filingDocumentKind } from './domain/filing-kinds.js';
import { historyStep } from './domain/lifecycle.js';
import type { ContractFilter } from './domain/view.js';

/** Keys of the 集体合同 module, all inside the tenant's partitions (the holiday notices are the platform's). */
export const contractKeys = {
  contract: (tenantId: string, contractId: string) => ({ pk: `${tenantPrefix(tenantId)}CONTRACT`, sk: contractId }),
  partition: (tenantId: string) => `${tenantPrefix(tenantId)}CONTRACT`,
  settings: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}SETTINGS`, sk: 'contracts' }),
  /** A unit's count of contracts in force (建制 while above zero): 建制率 counts a unit once however many it has. */
  unitCoverage: (tenantId: string, unitId: string) => ({ pk: `${tenantPrefix(tenantId)}CONTRACTUNIT`, sk: unitId }),
  /** Holiday notices the platform operator loaded (beyond those shipped), one item per year. */
  notice: (year: number) => ({ pk: 'PLATFORM', sk: `CALENDAR#${year}` }),
  /** A holiday notice's re-check of every tenant's clocks: its progress and what it found. */
  calendarJob: (jobId: string) => ({ pk: 'PLATFORM#CALJOB', sk: jobId }),
};

const date = z.string();
const representative = z.object({ name: z.string(), role: z.string(), outsider: z.boolean().optional(), femaleCommitteeHead: z.boolean().optional(), personRef: z.string().optional() });
const vacancy = z.object({ memberIndex: z.number().int(), name: z.string(), vacatedOn: date, reason: z.string(), recordedOn: date });
const representativeSide = z.object({ members: z.array(representative), chiefIndex: z.number().int(), setOn: date, femaleCommittee: z.boolean().optional(), vacancies: z.array(vacancy).optional() });

const skillGradeWages = z.array(z.object({ grade: z.enum(skillGrade.values), monthlyFen: z.number().int() }));
const femaleProtections = z.object({ items: z.array(z.enum(femaleProtection.values)), note: z.string().optional() });
const safetyItems = z.array(z.string());
/** A clause's value in a round's change: a figure, a text, or one of the type-specific clauses. */
const clauseValue = z.union([z.string(), z.number(), skillGradeWages, femaleProtections, safetyItems]);

/** A contract as stored; the lists and maps never written empty (see `prune`) come back empty. */
export const storedContract: z.ZodType<Contract> = z.object({
  contractId: z.string(),
  tenantId: z.string(),
  title: z.string(),
  type: z.enum(contractType.values),
  specialKind: z.enum(specialKind.values).optional(),
  unitId: z.string().optional(),
  scope: z.object({ industry: z.enum(industry.values).optional(), regionCode: z.string().optional() }).optional(),
  employerParties: z.array(z.object({ name: z.string(), uscc: z.string().optional() })),
  coveredEnterprises: z.number(),
  coveredEmployees: z.number(),
  term: z.object({ start: date, end: date }),
  clauses: z
    .object({
      wageGrowthPct: z.number().optional(),
      minimumWageFen: z.number().optional(),
      workingHours: z.string().optional(),
      leave: z.string().optional(),
      protections: z.string().optional(),
      other: z.string().optional(),
      skillGradeWages: skillGradeWages.optional(),
      femaleProtections: femaleProtections.optional(),
      safetyItems: safetyItems.optional(),
    })
    .default({}),
  status: z.enum(contractStatus.values),
  offer: z.object({ sentOn: date, fromSide: z.enum(bargainingSide.values), repliedOn: date.optional(), accepted: z.boolean().optional() }).optional(),
  representatives: z.object({ worker: representativeSide.optional(), employer: representativeSide.optional() }).default({}),
  rounds: z
    .array(
      z.object({
        no: z.number().int(),
        heldOn: date,
        minutes: z.string(),
        openIssues: z.array(z.string()),
        amendments: z.array(z.object({ clause: z.enum(clauseKeys), from: clauseValue.optional(), to: clauseValue })).optional(),
      }),
    )
    .default([]),
  congress: z
    .object({
      representativesTotal: z.number().int(),
      present: z.number().int().optional(),
      approve: z.number().int(),
      passed: z.boolean(),
      failed: z.array(z.enum(['quorum', 'majority'])),
      rule: z.enum(['enterprise', 'sector']).optional(),
      recordedOn: date,
    })
    .optional(),
  signedOn: date.optional(),
  filing: z.object({ filedOn: date, dueOn: date, lateDays: z.number().int(), documents: z.array(storedEvidenceRef.extend({ kind: z.enum(filingDocumentKind.values) })).optional() }).optional(),
  review: z.object({ objectionOn: date.optional(), opinion: z.string().optional(), opinionFile: storedEvidenceRef.optional(), recordedOn: date }).optional(),
  effectiveOn: date.optional(),
  publishedOn: date.optional(),
  performanceChecks: z
    .array(
      z.object({
        contractYear: z.number().int().optional(),
        year: z.number().int().optional(),
        checkedOn: date,
        checkers: z.array(z.string()).optional(),
        items: z.array(z.object({ item: z.string(), kept: z.boolean(), note: z.string().optional() })).optional(),
        findings: z.string(),
        breaches: z.string().optional(),
        reportedToCongress: z.boolean().optional(),
        reportedOn: date.optional(),
        evidence: z.array(storedEvidenceRef).optional(),
        dueOn: date.optional(),
        onTime: z.boolean().optional(),
      }),
    )
    .default([]),
  terminated: z.object({ reason: z.string(), on: date }).optional(),
  predecessorId: z.string().optional(),
  successorId: z.string().optional(),
  amends: z.string().optional(),
  amendment: z.object({ contractId: z.string(), openedOn: date }).optional(),
  amendments: z
    .array(z.object({ contractId: z.string(), openedOn: date, closedOn: date, outcome: z.enum(['merged', 'ended']), changes: z.array(z.object({ clause: z.enum(clauseKeys), from: clauseValue.optional(), to: clauseValue })).optional() }))
    .optional(),
  overdueClocks: z.array(z.string()).optional(),
  outcomes: z.array(z.object({ duty: z.enum(['offerReply', 'review', 'performanceCheck']), ref: z.string(), on: date, kept: z.boolean() })).optional(),
  history: z.array(z.object({ step: z.enum(historyStep.values), on: date, at: z.string(), by: z.string(), note: z.string().optional() })).default([]),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Stored settings hold what the tenant changed; the rest comes from the defaults. */
const storedDayCount = z.enum(dayCountKind.values).optional();
const storedSettings = z.object({
  dayCount: z.object(Object.fromEntries(clockRules.map((r) => [r, storedDayCount])) as Record<(typeof clockRules)[number], typeof storedDayCount>).optional(),
  extendOnRestDay: z.boolean().optional(),
  minimumWageFen: z.number().int().optional(),
  outsiderShareMax: z.object({ num: z.number().int(), den: z.number().int() }).optional(),
  publishWithinDays: z.number().int().optional(),
  requiredFilingDocuments: z.array(z.enum(filingDocumentKind.values)).optional(),
  version: z.number().int(),
});

const storedCoverage = z.object({ count: z.number().int(), version: z.number().int() });

// The holiday notices and the working-day calendar moved to the kit (other modules' legal clocks read them too).
export { calendarOf, loadedNotices, noticesInForce, workCalendar, type StoredNotice } from '@ufp/kit/calendar';

export function saveNotice(uow: UnitOfWork, notice: StoredNotice, before: StoredNotice | undefined): void {
  const item = { ...contractKeys.notice(notice.year), kind: 'calendar', ...notice };
  if (before) uow.replaceVersioned(item, before.version, staleVersion());
  else uow.create(item, staleVersion());
}

const storedCalendarJob = z.object({
  jobId: z.string(),
  year: z.number().int(),
  version: z.number().int(),
  /** The notice loaded, and the one it replaced (none when the year had only the shipped notice or none). */
  notice: storedNotice,
  previous: storedNotice.optional(),
  /** The day the clocks are compared on (the day it was loaded). */
  day: z.string(),
  startedAt: z.string(),
  /** Active tenants it fanned out to; absent until the fan-out ran. */
  tenants: z.number().int().optional(),
  checked: z.number().int(),
  changed: z.number().int(),
  nowExact: z.number().int(),
  tenantsChanged: z.number().int(),
});
export type CalendarJob = z.output<typeof storedCalendarJob>;

export const calendarJobs = {
  start(uow: UnitOfWork, job: CalendarJob): void {
    uow.create({ ...contractKeys.calendarJob(job.jobId), kind: 'calendarJob', ...job }, conflict({ zh: '该核对任务已存在', en: 'This re-check already exists' }));
  },
  async read(table: Table, jobId: string): Promise<CalendarJob | undefined> {
    const item = await getItem<Record<string, unknown>>(table, contractKeys.calendarJob(jobId));
    return item ? parseStored(storedCalendarJob, item, 'calendarJob') : undefined;
  },
  /** The fan-out's count of tenants, set once. */
  fannedOut: (table: Table, jobId: string, tenants: number) => ({
    Update: { TableName: table.name, Key: contractKeys.calendarJob(jobId), UpdateExpression: 'SET tenants = :n', ExpressionAttributeValues: { ':n': tenants } },
  }),
  /** One tenant's findings added (in its consumer's transaction, so once per tenant). */
  checked: (table: Table, jobId: string, found: { changed: number; nowExact: number }) => ({
    Update: {
      TableName: table.name,
      Key: contractKeys.calendarJob(jobId),
      UpdateExpression: 'ADD checked :one, changed :c, nowExact :x, tenantsChanged :t',
      ExpressionAttributeValues: { ':one': 1, ':c': found.changed, ':x': found.nowExact, ':t': found.changed > 0 ? 1 : 0 },
    },
  }),
};

export interface UnitCoverage {
  tenantId: string;
  unitId: string;
  count: number;
  version: number;
}

export class ContractRepository {
  constructor(
    private readonly table: Table,
    /** Needed only for paged lists; the daily tick reads whole partitions. */
    private readonly cursors?: CursorCodec,
  ) {}

  /** A contract of the scope's tenant; a unit reporter sees only their own unit's contracts. */
  async find(scope: Pick<TenantScope, 'tenantId' | 'unitId'>, contractId: string): Promise<Contract | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, contractKeys.contract(scope.tenantId, contractId));
    if (!item) return undefined;
    const c = fromItem(item);
    return scope.unitId && c.unitId !== scope.unitId ? undefined : c;
  }

  async list(scope: TenantScope, filter: ContractFilter, page: { cursor?: string; limit?: number }): Promise<Page<Contract>> {
    const f = scope.unitId ? { ...filter, unitId: scope.unitId } : filter;
    const { values, ...where } = filterExpression({ type: f.type, status: f.status, unitId: f.unitId }, [
      ...(f.industry ? [{ expression: '#scope.#industry = :industry', names: { '#scope': 'scope', '#industry': 'industry' }, values: { ':industry': f.industry } }] : []),
      ...(f.endingBy
        ? [{ expression: '#term.#end <= :endingBy AND (#st = :eff OR #st = :exp)', names: { '#term': 'term', '#end': 'end', '#st': 'status' }, values: { ':endingBy': f.endingBy, ':eff': 'effective', ':exp': 'expiring' } }]
        : []),
      // Any party: `partyNames` (every employer party's name, written with the contract); the first
      // party's own name still matches a contract stored before that attribute was written.
      ...(f.q
        ? [
            {
              expression: '(contains(#title, :q) OR contains(#partyNames, :q) OR contains(#parties[0].#pname, :q))',
              names: { '#title': 'title', '#partyNames': 'partyNames', '#parties': 'employerParties', '#pname': 'name' },
              values: { ':q': f.q },
            },
          ]
        : []),
    ]);
    if (!this.cursors) throw new Error('ContractRepository.list needs a cursor codec');
    return queryPage<Contract>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      { KeyConditionExpression: 'pk = :pk', ...where, ExpressionAttributeValues: { ':pk': contractKeys.partition(scope.tenantId), ...values }, ScanIndexForward: false },
      { ...page, map: fromItem },
    );
  }

  /** Every contract of a tenant (clock views, the daily tick, exports); tenants hold hundreds, not millions. */
  async all(scope: Pick<TenantScope, 'tenantId' | 'unitId'>): Promise<Contract[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': contractKeys.partition(scope.tenantId) } });
    const all = items.map(fromItem);
    return scope.unitId ? all.filter((c) => c.unitId === scope.unitId) : all;
  }

  /** The tenant's contracts with these ids, by id (ids with no contract left out): one BatchGetItem per 100 ids. */
  async byIds(tenantId: string, contractIds: readonly string[]): Promise<Map<string, Contract>> {
    const keys = [...new Set(contractIds)].map((id) => contractKeys.contract(tenantId, id));
    const items = await batchGetAll<Record<string, unknown>>(this.table, keys);
    return new Map(items.map(fromItem).map((c) => [c.contractId, c]));
  }

  add(uow: UnitOfWork, c: Contract): void {
    uow.create({ ...contractKeys.contract(c.tenantId, c.contractId), kind: 'contract', ...toItem(c) }, conflict({ zh: '集体合同已存在', en: 'Contract already exists' }));
  }

  /** Writes `after` on condition that the stored contract is still at `expectedVersion`. */
  replace(uow: UnitOfWork, after: Contract, expectedVersion: number): void {
    uow.replaceVersioned({ ...contractKeys.contract(after.tenantId, after.contractId), kind: 'contract', ...toItem(after), version: after.version }, expectedVersion, staleVersion());
  }

  async settings(tenantId: string): Promise<ContractSettings> {
    const item = await getItem<Record<string, unknown>>(this.table, contractKeys.settings(tenantId));
    if (!item) return defaultContractSettings;
    const { dayCount: days, ...stored } = parseStored(storedSettings, item, 'contract settings');
    const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
    return { ...defaultContractSettings, ...defined(stored), dayCount: { ...defaultContractSettings.dayCount, ...defined(days ?? {}) } };
  }

  saveSettings(uow: UnitOfWork, tenantId: string, after: ContractSettings, expectedVersion: number): void {
    const item = { ...contractKeys.settings(tenantId), kind: 'settings', ...after };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  /** How many contracts of a unit are in force now, read to be moved in memory and written once (`setUnitCoverage`). */
  async unitCoverage(tenantId: string, unitId: string): Promise<UnitCoverage> {
    const item = await getItem<Record<string, unknown>>(this.table, contractKeys.unitCoverage(tenantId, unitId));
    const stored = item ? parseStored(storedCoverage, item, 'unit coverage') : { count: 0, version: 0 };
    return { tenantId, unitId, ...stored };
  }

  /** Writes a unit's new in-force count; a concurrent change of the same unit fails the version (409, retried). */
  setUnitCoverage(uow: UnitOfWork, before: UnitCoverage, count: number): void {
    const next = { ...contractKeys.unitCoverage(before.tenantId, before.unitId), kind: 'coverage', unitId: before.unitId, count, version: before.version + 1 };
    if (before.version > 0) uow.replaceVersioned(next, before.version, staleVersion());
    else uow.create(next, staleVersion());
  }
}

/**
 * Stored without empty maps or undefined values: the local stream relay cannot unmarshal an
 * empty map in a stream image (it stalls on "No value defined"), so none is ever written.
 */
function toItem(c: Contract): Record<string, unknown> {
  return { ...(prune(c) as Record<string, unknown>), partyNames: partyNames(c) };
}

/** Every employer party's name on one line each: what the ledger search matches (besides the title). */
const partyNames = (c: Pick<Contract, 'employerParties'>): string => c.employerParties.map((p) => p.name).join('\n');

function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p === undefined) continue;
      if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out;
  }
  return v;
}

const fromItem = (item: Record<string, unknown>): Contract => parseStored(storedContract, item, 'contract');
