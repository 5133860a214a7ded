import { z } from 'zod';
import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '@ufp/db/cursor';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { filterExpression, getItem, queryAll, queryPage, type Page } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { defaultLadder, HonourLevel, ladderSchema, type HonourType } from './domain/ladder.js';
import { honoursInForce, personSchema, type Person } from './domain/person.js';

/** Keys of the 劳模 module: the tenant's partitions, the platform's ladder and the province's de-duplicated honour rows. */
export const modelWorkerKeys = {
  personPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#PERSON`,
  person: (tenantId: string, personId: string) => ({ pk: modelWorkerKeys.personPartition(tenantId), sk: personId }),
  /** One person per tenant: keyed by the tenant-scoped blind index of the ID number, never the ID. */
  personGuard: (tenantId: string, idIndex: string) => keys.uniqueGuard(tenantId, 'MW_PERSON', idIndex),
  /** The honour ladder the platform operator maintains (one item). */
  ladder: () => ({ pk: 'PLATFORM', sk: 'MW#LADDER' }),
  /**
   * A person's honours as the province sees them: one row per tenant that records the person, under the
   * province-scoped blind index. Levels, codes and years only: no name, no ID.
   */
  provincePartition: (province: string) => `R#${province}#MW#PEOPLE`,
  provinceRow: (province: string, provinceIndex: string, tenantId: string) => ({ pk: modelWorkerKeys.provincePartition(province), sk: `${provinceIndex}#${tenantId}` }),
};

export const personMissing = () => notFound({ zh: '劳模档案', en: 'Model worker record' });
const personExists = () =>
  conflict({ zh: '本工会已有此人的劳模档案（同一身份证号只建一份）', en: 'This federation already has a record for this person (one per ID number)' }, { field: 'idNumber', reason: 'person_exists' });

const storedLadder = ladderSchema.extend({ version: z.number().int(), updatedAt: z.string(), updatedBy: z.string(), updatedByName: z.string().optional() });
export type StoredLadder = z.output<typeof storedLadder>;

const provinceRowSchema = z.object({
  provinceIndex: z.string(),
  tenantId: z.string(),
  honours: z.array(z.object({ code: z.string(), level: z.enum(HonourLevel.values), year: z.number().int(), revokedOn: z.string().optional() })),
  status: z.string(),
});
export type ProvinceRow = z.output<typeof provinceRowSchema>;

export interface PeopleFilter {
  status?: string;
  unitId?: string;
  idIndex?: string;
  name?: string;
  level?: string;
  deputy?: string;
}

const personOf = (item: Record<string, unknown>) => parseStored(personSchema, item, 'model worker');

export class ModelWorkerStore {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  // ── the ladder ────────────────────────────────────────────────────────────────────────
  async ladder(): Promise<StoredLadder | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, modelWorkerKeys.ladder());
    return item ? parseStored(storedLadder, item, 'honour ladder') : undefined;
  }

  /** The ladder in force: the operator's, or the shipped one. */
  async honourTypes(): Promise<readonly HonourType[]> {
    return (await this.ladder())?.honours ?? defaultLadder;
  }

  putLadder(uow: UnitOfWork, ladder: StoredLadder, expectedVersion: number): void {
    const item = { ...modelWorkerKeys.ladder(), kind: 'modelWorkers.ladder', ...ladder };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  // ── people ────────────────────────────────────────────────────────────────────────────
  /** A person of the scope's tenant; a unit reporter sees only the people of their unit. */
  async findPerson(scope: TenantScope, personId: string): Promise<Person | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, modelWorkerKeys.person(scope.tenantId, personId));
    const person = item && personOf(item);
    return person && (!scope.unitId || person.unitId === scope.unitId) ? person : undefined;
  }

  async getPerson(scope: TenantScope, personId: string): Promise<Person> {
    const person = await this.findPerson(scope, personId);
    if (!person) throw personMissing();
    return person;
  }

  /** The person an ID number's tenant blind index belongs to, if any. */
  async personIdByIndex(tenantId: string, idIndex: string): Promise<string | undefined> {
    const item = await getItem<{ personId?: string }>(this.table, modelWorkerKeys.personGuard(tenantId, idIndex));
    return item?.personId;
  }

  async listPeople(scope: TenantScope, filter: PeopleFilter, page: { cursor?: string; limit?: number }): Promise<Page<Person>> {
    const { values, ...where } = filterExpression({ unitId: scope.unitId ?? filter.unitId, status: filter.status, idIndex: filter.idIndex }, [
      ...(filter.name ? [{ expression: 'contains(#name, :name)', names: { '#name': 'name' }, values: { ':name': filter.name } }] : []),
      ...(filter.level ? [{ expression: 'contains(#levels, :level)', names: { '#levels': 'levels' }, values: { ':level': filter.level } }] : []),
      ...(filter.deputy ? [{ expression: 'contains(#deputyBodies, :deputy)', names: { '#deputyBodies': 'deputyBodies' }, values: { ':deputy': filter.deputy } }] : []),
    ]);
    return queryPage<Person>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      { KeyConditionExpression: 'pk = :pk', ...where, ExpressionAttributeValues: { ':pk': modelWorkerKeys.personPartition(scope.tenantId), ...values }, ScanIndexForward: false },
      { ...page, map: personOf },
    );
  }

  /** Every person of the tenant (exports, quota checks, rotation): bounded by a federation's 劳模 roll. */
  async allPeople(scope: TenantScope): Promise<Person[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': modelWorkerKeys.personPartition(scope.tenantId) } });
    return items.map(personOf).filter((p) => !scope.unitId || p.unitId === scope.unitId);
  }

  addPerson(uow: UnitOfWork, person: Person, province: string, today: string): void {
    uow.create({ ...modelWorkerKeys.person(person.tenantId, person.personId), kind: 'modelWorkers.person', ...searchable(person, today) }, personExists());
    uow.create({ ...modelWorkerKeys.personGuard(person.tenantId, person.idIndex), kind: 'guard', personId: person.personId }, personExists());
    this.putProvinceRow(uow, person, province);
  }

  /** Writes `after` if the stored version is still `before.version`, and the province's row with it. */
  savePerson(uow: UnitOfWork, after: Person, expectedVersion: number, province: string, today: string): void {
    uow.replaceVersioned({ ...modelWorkerKeys.person(after.tenantId, after.personId), kind: 'modelWorkers.person', ...searchable(after, today) }, expectedVersion, staleVersion());
    this.putProvinceRow(uow, after, province);
  }

  private putProvinceRow(uow: UnitOfWork, person: Person, province: string): void {
    const row: ProvinceRow = {
      provinceIndex: person.provinceIndex,
      tenantId: person.tenantId,
      honours: person.honours.map((h) => ({ code: h.code, level: h.level, year: h.year, revokedOn: h.revoked?.on })),
      status: person.status,
    };
    uow.raw({ Put: { TableName: this.table.name, Item: { ...modelWorkerKeys.provinceRow(province, person.provinceIndex, person.tenantId), kind: 'modelWorkers.provinceRow', ...row } } });
  }

  /** Every province row (the province's de-duplicated view): codes, levels and years only. */
  async provinceRows(province: string): Promise<ProvinceRow[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': modelWorkerKeys.provincePartition(province) } });
    return items.map((i) => parseStored(provinceRowSchema, i, 'province model-worker row'));
  }
}

/** Filterable copies kept beside the record: the levels in force and the deputy bodies (DynamoDB filters cannot look inside lists of maps). */
function searchable(person: Person, today: string) {
  return {
    ...person,
    levels: [...new Set(honoursInForce(person, today).map((h) => h.level))].join(',') || 'none',
    deputyBodies: [...new Set(person.deputies.map((d) => d.body))].join(',') || 'none',
  };
}
