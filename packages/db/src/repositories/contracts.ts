import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import { WorkCalendar } from '@ufp/core/calendar/calendar';
import { shippedNotices, type HolidayNotice } from '@ufp/core/calendar/notices';
import { defaultContractSettings, type Contract, type ContractSettings, type ContractStatus, type ContractType, type Industry } from '@ufp/core/contracts/contract';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '../cursor.js';
import { tenantPrefix } from '../keys.js';
import { getItem, queryAll, queryPage, stripKeys, type Page } from '../query.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

/** Keys of the 集体合同 module, all inside the tenant's partitions. */
export interface UnitCoverage {
  tenantId: string;
  unitId: string;
  count: number;
  version: number;
}

export const contractKeys = {
  contract: (tenantId: string, contractId: string) => ({ pk: `${tenantPrefix(tenantId)}CONTRACT`, sk: contractId }),
  partition: (tenantId: string) => `${tenantPrefix(tenantId)}CONTRACT`,
  settings: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}SETTINGS`, sk: 'contracts' }),
  /** How many contracts cover a unit in a year: 建制率 counts a unit once however many it has. */
  /** A unit's count of contracts in force (建制 while above zero). */
  unitCoverage: (tenantId: string, unitId: string) => ({ pk: `${tenantPrefix(tenantId)}CONTRACTUNIT`, sk: unitId }),
  /** Holiday notices the platform operator loaded (beyond those shipped), one item per year. */
  notice: (year: number) => ({ pk: 'PLATFORM', sk: `CALENDAR#${year}` }),
};

export type StoredNotice = HolidayNotice & { version: number; loadedAt: string; loadedBy: string };

/** Loaded holiday notices, read by every tenant's clocks. */
export async function loadedNotices(table: Table): Promise<StoredNotice[]> {
  const items = await queryAll(table, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': 'PLATFORM', ':p': 'CALENDAR#' },
  });
  return items.map((i) => stripKeys<StoredNotice>(i));
}

const calendarCache = new Map<string, { at: number; calendar: WorkCalendar }>();

/**
 * The working-day calendar every clock uses: the shipped notices plus those the operator loaded
 * (a loaded year replaces a shipped one). Cached for a few seconds per table; `fresh` skips it.
 */
export async function workCalendar(table: Table, opts: { fresh?: boolean } = {}): Promise<WorkCalendar> {
  const hit = calendarCache.get(table.name);
  if (!opts.fresh && hit && Date.now() - hit.at < 5_000) return hit.calendar;
  const calendar = calendarOf(await loadedNotices(table));
  calendarCache.set(table.name, { at: Date.now(), calendar });
  return calendar;
}

/** The notices in force: the shipped ones, each replaced by a loaded notice of the same year. */
export function noticesInForce(loaded: readonly HolidayNotice[]): (HolidayNotice & { origin: 'shipped' | 'loaded' })[] {
  const years = new Set(loaded.map((n) => n.year));
  return [...shippedNotices.filter((n) => !years.has(n.year)).map((n) => ({ ...n, origin: 'shipped' as const })), ...loaded.map((n) => ({ ...n, origin: 'loaded' as const }))].sort((a, b) => a.year - b.year);
}

export const calendarOf = (loaded: readonly HolidayNotice[]): WorkCalendar => new WorkCalendar(noticesInForce(loaded));

export function saveNotice(uow: UnitOfWork, notice: StoredNotice, before: StoredNotice | undefined): void {
  const item = { ...contractKeys.notice(notice.year), kind: 'calendar', ...notice };
  if (before) uow.replaceVersioned(item, before.version, staleVersion());
  else uow.create(item, staleVersion());
}

export interface ContractFilter {
  type?: ContractType;
  status?: ContractStatus;
  industry?: Industry;
  unitId?: string;
  /** In force and ending on or before this date. */
  endingBy?: string;
}

export class ContractRepository {
  constructor(
    private readonly table: Table,
    /** Needed only for paged lists; the daily tick reads whole partitions. */
    private readonly cursors?: CursorCodec,
  ) {}

  /** A contract of the scope's tenant; a unit reporter sees only their own unit's contracts. */
  async get(scope: TenantScope, contractId: string): Promise<Contract> {
    const item = await getItem<Record<string, unknown>>(this.table, contractKeys.contract(scope.tenantId, contractId));
    if (!item) throw notFound({ zh: '集体合同', en: 'Collective contract' });
    const c = fromItem(item);
    if (scope.unitId && c.unitId !== scope.unitId) throw notFound({ zh: '集体合同', en: 'Collective contract' });
    return c;
  }

  async list(scope: TenantScope, filter: ContractFilter, page: { cursor?: string; limit?: number }): Promise<Page<Contract>> {
    const f = scope.unitId ? { ...filter, unitId: scope.unitId } : filter;
    const conds: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': contractKeys.partition(scope.tenantId) };
    const eq = (attr: string, value: unknown, path = attr) => {
      const parts = path.split('.');
      for (const p of parts) names[`#${p}`] = p;
      conds.push(`${parts.map((p) => `#${p}`).join('.')} = :${attr}`);
      values[`:${attr}`] = value;
    };
    if (f.type) eq('type', f.type);
    if (f.status) eq('status', f.status);
    if (f.industry) eq('industry', f.industry, 'scope.industry');
    if (f.unitId) eq('unitId', f.unitId);
    if (f.endingBy) {
      names['#term'] = 'term';
      names['#end'] = 'end';
      names['#st'] = 'status';
      values[':endingBy'] = f.endingBy;
      values[':eff'] = 'effective';
      values[':exp'] = 'expiring';
      conds.push('#term.#end <= :endingBy AND (#st = :eff OR #st = :exp)');
    }
    if (!this.cursors) throw new Error('ContractRepository.list needs a cursor codec');
    return queryPage<Contract>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      {
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: conds.length ? conds.join(' AND ') : undefined,
        ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
      },
      { ...page, map: fromItem },
    );
  }

  /** Every contract of a tenant (clock views, the daily tick, exports); tenants hold hundreds, not millions. */
  async all(scope: Pick<TenantScope, 'tenantId' | 'unitId'>): Promise<Contract[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': contractKeys.partition(scope.tenantId) } });
    const all = items.map(fromItem);
    return scope.unitId ? all.filter((c) => c.unitId === scope.unitId) : all;
  }

  add(uow: UnitOfWork, c: Contract): void {
    uow.create({ ...contractKeys.contract(c.tenantId, c.contractId), kind: 'contract', ...toItem(c) }, conflict({ zh: '集体合同已存在', en: 'Contract already exists' }));
  }

  replace(uow: UnitOfWork, before: Contract, after: Contract): void {
    uow.replaceVersioned({ ...contractKeys.contract(after.tenantId, after.contractId), kind: 'contract', ...toItem(after), version: after.version }, before.version, staleVersion());
  }

  async settings(tenantId: string): Promise<ContractSettings> {
    const item = await getItem<Record<string, unknown>>(this.table, contractKeys.settings(tenantId));
    if (!item) return defaultContractSettings;
    const stored = stripKeys<Partial<ContractSettings>>(item);
    return { ...defaultContractSettings, ...stored, dayCount: { ...defaultContractSettings.dayCount, ...stored.dayCount } };
  }

  saveSettings(uow: UnitOfWork, tenantId: string, before: ContractSettings, after: ContractSettings): void {
    const item = { ...contractKeys.settings(tenantId), kind: 'settings', ...after };
    if (before.version === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, before.version, staleVersion());
  }

  /** How many contracts of a unit are in force now, read to be moved in memory and written once (`setUnitCoverage`). */
  async unitCoverage(tenantId: string, unitId: string): Promise<UnitCoverage> {
    const item = await getItem<{ count: number; version: number }>(this.table, contractKeys.unitCoverage(tenantId, unitId));
    return { tenantId, unitId, count: item?.count ?? 0, version: item?.version ?? 0 };
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
  return prune(c) as Record<string, unknown>;
}

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

function fromItem(item: Record<string, unknown>): Contract {
  const c = stripKeys<Contract>(item);
  return { ...c, clauses: c.clauses ?? {}, representatives: c.representatives ?? {}, rounds: c.rounds ?? [], performanceChecks: c.performanceChecks ?? [], history: c.history ?? [] };
}
