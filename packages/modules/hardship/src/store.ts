import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { storedEvidenceFields } from '@ufp/core/evidence/stored';
import { DomainError, conflict, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '@ufp/db/cursor';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { memberGuardChanges } from './domain/household-identity.js';
import { batchGetAll, filterExpression, getItem, queryAll, queryPage, type Page } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { fundSchema, grantRequestSchema, grantSchema, hardshipFileSchema, type Fund, type Grant, type GrantRequest, type HardshipFile } from './domain/file.js';
import { DocumentKind, type HardshipDocument } from './domain/documents.js';
import { temporaryAidSchema, type TemporaryAid } from './domain/temporary-aid.js';
import type { IdentifiedStudent } from './domain/aid.js';
import { defaultRulePack, hardshipRulePackSchema, type AidKind, type FundSource, type HardshipRulePack } from './domain/rules.js';

/** Hardship keys: tenant-first, except the province duplicate index, which holds no PII. */
export const hardshipKeys = {
  filePartition: (tenantId: string) => `${tenantPrefix(tenantId)}HARDSHIP#FILE`,
  file: (tenantId: string, fileId: string) => ({ pk: hardshipKeys.filePartition(tenantId), sk: fileId }),
  rules: (tenantId: string, year: number) => ({ pk: `${tenantPrefix(tenantId)}HARDSHIP#RULES`, sk: String(year) }),
  fundPartition: (tenantId: string) => `${tenantPrefix(tenantId)}HARDSHIP#FUND`,
  fund: (tenantId: string, year: number, source: FundSource) => ({ pk: hardshipKeys.fundPartition(tenantId), sk: `${year}#${source}` }),
  cap: (tenantId: string, fileId: string, year: number, kind: AidKind) => ({ pk: `${tenantPrefix(tenantId)}HARDSHIP#CAP`, sk: `${fileId}#${year}#${kind}` }),
  /**
   * 金秋助学 once per student per year in the federation: keyed by the tenant-scoped blind index of the student's ID
   * number (never the ID), so a change of household — members reordered or removed, or the student on another file —
   * never points it at someone else.
   */
  studentGrant: (tenantId: string, idIndex: string, year: number) => ({ pk: `${tenantPrefix(tenantId)}HARDSHIP#CAP`, sk: `student#${idIndex}#${year}#education` }),
  /** The same guard as first written, by the file and the student's place in its member list; still honoured (see addGrant). */
  studentGrantByPlace: (tenantId: string, fileId: string, year: number, memberIndex: number) => ({ pk: `${tenantPrefix(tenantId)}HARDSHIP#CAP`, sk: `${fileId}#${year}#education#student#${memberIndex}` }),
  grantPartition: (tenantId: string) => `${tenantPrefix(tenantId)}HARDSHIP#GRANT`,
  grantRequestPartition: (tenantId: string) => `${tenantPrefix(tenantId)}HARDSHIP#GRANTREQ`,
  grantRequest: (tenantId: string, fileId: string, grantId: string) => ({ pk: hardshipKeys.grantRequestPartition(tenantId), sk: `${fileId}#${grantId}` }),
  grant: (tenantId: string, fileId: string, grantId: string) => ({ pk: hardshipKeys.grantPartition(tenantId), sk: `${fileId}#${grantId}` }),
  temporaryAidPartition: (tenantId: string) => `${tenantPrefix(tenantId)}HARDSHIP#TEMP`,
  temporaryAid: (tenantId: string, aidId: string) => ({ pk: hardshipKeys.temporaryAidPartition(tenantId), sk: aidId }),
  /** The 临时救助 cap of a person without a file: keyed by the tenant-scoped blind index, never the ID. */
  personCap: (tenantId: string, idIndex: string, year: number) => ({ pk: `${tenantPrefix(tenantId)}HARDSHIP#CAP`, sk: `person#${idIndex}#${year}#temporary` }),
  documentPartition: (tenantId: string) => `${tenantPrefix(tenantId)}HARDSHIP#DOC`,
  /** A file's documents sort together under the file (one query lists them). */
  document: (tenantId: string, fileId: string, evidenceId: string) => ({ pk: hardshipKeys.documentPartition(tenantId), sk: `${fileId}#${evidenceId}` }),
  /** "One person, one open file per tenant": keyed by the tenant-scoped blind index, never the ID. */
  openFileGuard: (tenantId: string, idIndex: string) => keys.uniqueGuard(tenantId, 'HARDSHIP_OPEN', idIndex),
  /**
   * Province-wide "aided in this year" marker: one item per person-year, partitioned by the
   * province-scoped blind index (so no hot partition), holding only the set of tenant ids.
   */
  provinceAid: (province: string, year: number, provinceIndex: string) => ({ pk: `R#${province}#HARDSHIP_AID#${year}#${provinceIndex}`, sk: 'TENANTS' }),
};

const fileExists = conflict({ zh: '档案已存在', en: 'File already exists' });
/** A household member's ID number already stands on another open file (as its applicant or one of its members). */
const memberOnOpenFile = () =>
  conflict(
    { zh: '家庭成员的身份证号已在本工会另一份未注销的困难档案中（一户一档）', en: "A household member's ID number is already on another open hardship file in this federation" },
    { field: 'household.members', reason: 'member_on_open_file' },
  );

const openFileExists = () =>
  conflict({ zh: '该职工在本工会已有未注销的困难档案（一户一档）', en: 'This worker already has an open hardship file in this federation' }, { field: 'worker.idNumber', reason: 'open_file_exists' });

/** A page of files narrowed on the server: equality fields, a file-number prefix, a part of the name, imported drafts. */
export interface FileFilter {
  status?: string;
  unitId?: string;
  idIndex?: string;
  fileIdPrefix?: string;
  name?: string;
  imported?: boolean;
}

type Clause = { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };

function fileFilterClauses(filter: FileFilter): Clause[] {
  return [
    ...(filter.fileIdPrefix ? [<Clause>{ expression: 'begins_with(#fileId, :fileIdPrefix)', names: { '#fileId': 'fileId' }, values: { ':fileIdPrefix': filter.fileIdPrefix } }] : []),
    ...(filter.name ? [<Clause>{ expression: 'contains(#worker.#wname, :wname)', names: { '#worker': 'worker', '#wname': 'name' }, values: { ':wname': filter.name } }] : []),
    ...(filter.imported ? [<Clause>{ expression: 'attribute_exists(#importedAt)', names: { '#importedAt': 'importedAt' } }] : []),
  ];
}

/** What bounds a grant: the household's yearly cap of the kind, or (金秋助学) the student's one grant a year. */
export type GrantLimit = { capFen: number; onOver: DomainError } | { student: IdentifiedStudent; onRepeat: DomainError };

export class HardshipStore {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  // ── rule packs ────────────────────────────────────────────────────────────────────────
  async rules(scope: TenantScope, year: number): Promise<HardshipRulePack> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.rules(scope.tenantId, year));
    return item ? parseStored(hardshipRulePackSchema, item, 'hardship rule pack') : defaultRulePack(year);
  }

  putRules(uow: UnitOfWork, scope: TenantScope, pack: HardshipRulePack, expectedVersion: number): void {
    const item = { ...hardshipKeys.rules(scope.tenantId, pack.year), kind: 'hardship.rules', ...pack };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  // ── files ─────────────────────────────────────────────────────────────────────────────
  /** A file of the scope's tenant; a unit reporter only sees their own unit's files. */
  async findFile(scope: TenantScope, fileId: string): Promise<HardshipFile | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.file(scope.tenantId, fileId));
    const file = item && fileOf(item);
    return file && (!scope.unitId || file.unitId === scope.unitId) ? file : undefined;
  }

  async getFile(scope: TenantScope, fileId: string): Promise<HardshipFile> {
    const file = await this.findFile(scope, fileId);
    if (!file) throw fileMissing();
    return file;
  }

  async listFiles(scope: TenantScope, filter: FileFilter, page: { cursor?: string; limit?: number }): Promise<Page<HardshipFile>> {
    const { values, ...where } = filterExpression({ unitId: scope.unitId ?? filter.unitId, status: filter.status, idIndex: filter.idIndex }, fileFilterClauses(filter));
    return queryPage<HardshipFile>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      { KeyConditionExpression: 'pk = :pk', ...where, ExpressionAttributeValues: { ':pk': hardshipKeys.filePartition(scope.tenantId), ...values }, ScanIndexForward: false },
      { ...page, map: fileOf },
    );
  }

  /** Every file of the tenant (queues, stale lists, export): bounded by a county's caseload. */
  async allFiles(scope: TenantScope, status?: string): Promise<HardshipFile[]> {
    return this.queryAll(hardshipKeys.filePartition(scope.tenantId), fileOf, { unitId: scope.unitId, status });
  }

  addFile(uow: UnitOfWork, file: HardshipFile): void {
    uow.create({ ...hardshipKeys.file(file.tenantId, file.fileId), kind: 'hardship.file', ...file }, fileExists);
    uow.create({ ...hardshipKeys.openFileGuard(file.tenantId, file.idIndex), kind: 'guard', fileId: file.fileId }, openFileExists());
    for (const member of file.memberIdIndexes ?? []) this.guardMember(uow, file, member);
  }

  private guardMember(uow: UnitOfWork, file: HardshipFile, memberIndex: string): void {
    uow.create({ ...hardshipKeys.openFileGuard(file.tenantId, memberIndex), kind: 'guard', fileId: file.fileId, member: true }, memberOnOpenFile());
  }

  replaceFile(uow: UnitOfWork, before: HardshipFile, after: HardshipFile): void {
    uow.replaceVersioned({ ...hardshipKeys.file(after.tenantId, after.fileId), kind: 'hardship.file', ...after }, before.version, staleVersion());
    // A rejected application frees the person, and the household's members, to apply again.
    if (after.status === 'rejected' && before.status !== 'rejected') {
      for (const index of [after.idIndex, ...(before.memberIdIndexes ?? [])]) uow.delete(hardshipKeys.openFileGuard(after.tenantId, index));
      return;
    }
    const { added, removed } = memberGuardChanges(before.memberIdIndexes ?? [], after.memberIdIndexes ?? []);
    for (const index of removed) uow.delete(hardshipKeys.openFileGuard(after.tenantId, index));
    for (const index of added) this.guardMember(uow, after, index);
  }

  /** Which of these tenant-scoped ID indexes already hold an open file. */
  async openFileIndexes(tenantId: string, idIndexes: string[]): Promise<Set<string>> {
    return new Set((await this.openFiles(tenantId, idIndexes)).keys());
  }

  /** The open file of each of these tenant-scoped ID indexes that holds one (index → file id). */
  async openFiles(tenantId: string, idIndexes: string[]): Promise<Map<string, string>> {
    const guards = await batchGetAll<{ sk: string; fileId: string }>(this.table, idIndexes.map((bi) => hardshipKeys.openFileGuard(tenantId, bi)));
    return new Map(guards.map((g) => [g.sk.slice('HARDSHIP_OPEN#'.length), g.fileId]));
  }

  /** Which of these files exist, with the import job that wrote each (undefined when not imported by a job). */
  async existingFiles(tenantId: string, fileIds: string[]): Promise<Map<string, string | undefined>> {
    const items = await batchGetAll<{ fileId: string; importJobId?: string }>(this.table, fileIds.map((id) => hardshipKeys.file(tenantId, id)), { projection: ['fileId', 'importJobId'] });
    return new Map(items.map((f) => [f.fileId, f.importJobId]));
  }

  // ── funds and grants ──────────────────────────────────────────────────────────────────
  async funds(scope: TenantScope, year: number): Promise<Fund[]> {
    const res = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :y)',
        ExpressionAttributeValues: { ':pk': hardshipKeys.fundPartition(scope.tenantId), ':y': `${year}#` },
        ConsistentRead: true,
      }),
    );
    return (res.Items ?? []).map(fundOf);
  }

  async fund(scope: TenantScope, year: number, source: FundSource): Promise<Fund | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.fund(scope.tenantId, year, source));
    return item ? fundOf(item) : undefined;
  }

  /** Sets a budget; refused (409) if it would fall below what is already granted. */
  putFund(uow: UnitOfWork, scope: TenantScope, fund: Fund, expectedVersion: number): void {
    const item = { ...hardshipKeys.fund(scope.tenantId, fund.year, fund.source), kind: 'hardship.fund', ...fund };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  /**
   * A grant: the grant item, the budget decrement and the grant's limit, each guarded by a condition, all in the
   * caller's transaction. The limit is the household-year-kind cap increment, or for 金秋助学 (granted per student)
   * the student's once-a-year guard. Concurrent grants cannot take the budget below zero, the household over the
   * cap, or a student past one grant a year.
   */
  addGrant(uow: UnitOfWork, grant: Grant, limit: GrantLimit, onShort: DomainError): void {
    uow.create({ ...hardshipKeys.grant(grant.tenantId, grant.fileId, grant.grantId), ...asStored(grant), kind: 'hardship.grant' }, conflict({ zh: '发放记录已存在', en: 'Grant already exists' }));
    this.drawBudget(uow, grant, onShort);
    if ('capFen' in limit) this.useCap(uow, hardshipKeys.cap(grant.tenantId, grant.fileId, grant.year, grant.kind), grant.amountFen, limit.capFen, limit.onOver);
    else this.guardStudent(uow, grant, limit.student, limit.onRepeat);
  }

  /**
   * The student's once-a-year guard, by identity. A guard written before it was keyed by identity (by the file and the
   * student's place) is honoured for the place the student holds now: exact while that household's list is as it was
   * then (only a re-verification with a new household changes an approved file's list). Such guards exist only for
   * grants made in that release's years, so once those years are past this check can go.
   */
  private guardStudent(uow: UnitOfWork, grant: Grant, student: IdentifiedStudent, onRepeat: DomainError): void {
    uow.create({ ...hardshipKeys.studentGrant(grant.tenantId, student.idIndex, grant.year), kind: 'hardship.studentGrant', grantId: grant.grantId, fileId: grant.fileId, level: student.level }, onRepeat);
    uow.raw({ ConditionCheck: { TableName: this.table.name, Key: hardshipKeys.studentGrantByPlace(grant.tenantId, grant.fileId, grant.year, student.memberIndex), ConditionExpression: 'attribute_not_exists(pk)' } }, onRepeat);
  }

  /** The fund's budget of the year goes down by the amount, never below zero (the condition answers `onShort`). */
  private drawBudget(uow: UnitOfWork, draw: { tenantId: string; year: number; fundSource: FundSource; amountFen: number; createdAt: string }, onShort: DomainError): void {
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: hardshipKeys.fund(draw.tenantId, draw.year, draw.fundSource),
          UpdateExpression: 'ADD remainingFen :neg, grantedFen :amt, version :one SET updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND remainingFen >= :amt',
          ExpressionAttributeValues: { ':neg': -draw.amountFen, ':amt': draw.amountFen, ':one': 1, ':now': draw.createdAt },
        },
      },
      onShort,
    );
  }

  /** What a household (or a person without a file) used of a kind's yearly cap goes up by the amount, never above the cap. */
  private useCap(uow: UnitOfWork, key: { pk: string; sk: string }, amountFen: number, capFen: number, onOver: DomainError): void {
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: key,
          UpdateExpression: 'ADD usedFen :amt SET #k = :kind',
          ConditionExpression: 'attribute_not_exists(usedFen) OR usedFen <= :room',
          ExpressionAttributeNames: { '#k': 'kind' },
          ExpressionAttributeValues: { ':amt': amountFen, ':room': capFen - amountFen, ':kind': 'hardship.cap' },
        },
      },
      onOver,
    );
  }

  // ── 临时救助 without a file ───────────────────────────────────────────────────────────────
  /** The record, the budget drawn and the person's 临时救助 cap of the year used, all conditions of one transaction. */
  addTemporaryAid(uow: UnitOfWork, aid: TemporaryAid, capFen: number, errors: { budget: DomainError; cap: DomainError }): void {
    uow.create({ ...hardshipKeys.temporaryAid(aid.tenantId, aid.aidId), kind: 'hardship.temporaryAid', ...aid }, conflict({ zh: '临时救助记录已存在', en: 'The temporary aid record already exists' }));
    this.drawBudget(uow, aid, errors.budget);
    this.useCap(uow, hardshipKeys.personCap(aid.tenantId, aid.idIndex, aid.year), aid.amountFen, capFen, errors.cap);
  }

  /**
   * 转正: the record marked converted, and its money carried over to the new file as a 临时救助 grant of the file —
   * not drawn from the budget again, but counted in the file's cap of the year (so the household's total stays capped).
   */
  convertTemporaryAid(uow: UnitOfWork, before: TemporaryAid, after: TemporaryAid, grant: Grant, capFen: number, onOver: DomainError): void {
    uow.replaceVersioned({ ...hardshipKeys.temporaryAid(after.tenantId, after.aidId), kind: 'hardship.temporaryAid', ...after }, before.version, staleVersion());
    uow.create({ ...hardshipKeys.grant(grant.tenantId, grant.fileId, grant.grantId), ...asStored(grant), kind: 'hardship.grant' }, conflict({ zh: '发放记录已存在', en: 'Grant already exists' }));
    this.useCap(uow, hardshipKeys.cap(grant.tenantId, grant.fileId, grant.year, grant.kind), grant.amountFen, capFen, onOver);
  }

  async temporaryAid(scope: TenantScope, aidId: string): Promise<TemporaryAid | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.temporaryAid(scope.tenantId, aidId));
    return item && parseStored(temporaryAidSchema, item, 'hardship temporary aid');
  }

  async temporaryAids(scope: TenantScope, year: number): Promise<TemporaryAid[]> {
    const all = await this.queryAll(hardshipKeys.temporaryAidPartition(scope.tenantId), (i) => parseStored(temporaryAidSchema, i, 'hardship temporary aid'));
    return all.filter((a) => a.year === year);
  }

  /** Marks the person (by province blind index) as aided by this tenant in the year. No PII. */
  markProvinceAid(uow: UnitOfWork, province: string, year: number, provinceIndex: string, tenantId: string): void {
    uow.raw({
      Update: {
        TableName: this.table.name,
        Key: hardshipKeys.provinceAid(province, year, provinceIndex),
        UpdateExpression: 'ADD tenants :t SET #k = :kind',
        ExpressionAttributeNames: { '#k': 'kind' },
        ExpressionAttributeValues: { ':t': new Set([tenantId]), ':kind': 'hardship.provinceAid' },
      },
    });
  }

  /** How many OTHER tenants aided each indexed person in the year (only counts leave here). */
  async otherTenantsAiding(province: string, year: number, tenantId: string, provinceIndexes: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unique = [...new Set(provinceIndexes)];
    for (const item of await batchGetAll(this.table, unique.map((bi) => hardshipKeys.provinceAid(province, year, bi)))) {
      const bi = String(item.pk).split('#').pop()!;
      const tenants = item.tenants instanceof Set ? [...(item.tenants as Set<string>)] : [];
      const others = tenants.filter((t) => t !== tenantId).length;
      if (others > 0) out.set(bi, others);
    }
    return out;
  }

  async grant(scope: TenantScope, fileId: string, grantId: string): Promise<Grant | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.grant(scope.tenantId, fileId, grantId));
    return item && grantOf(item);
  }

  /** 发放登记, once: a second recording (a concurrent one included) fails its condition with `onPaid`. */
  recordDisbursement(uow: UnitOfWork, grant: Grant, disbursement: NonNullable<Grant['disbursement']>, onPaid: DomainError): void {
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: hardshipKeys.grant(grant.tenantId, grant.fileId, grant.grantId),
          UpdateExpression: 'SET disbursement = :d',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(disbursement)',
          ExpressionAttributeValues: { ':d': disbursement },
        },
      },
      onPaid,
    );
  }

  async grantsOfFile(scope: TenantScope, fileId: string): Promise<Grant[]> {
    return (await this.ofFile(hardshipKeys.grantPartition(scope.tenantId), fileId)).map(grantOf);
  }

  // ── documents (帮扶材料) ────────────────────────────────────────────────────────────────
  addDocument(uow: UnitOfWork, document: HardshipDocument): void {
    uow.create({ ...hardshipKeys.document(document.tenantId, document.subjectId, document.evidenceId), ...asStoredDocument(document) }, conflict({ zh: '该材料记录已存在', en: 'The document record already exists' }));
  }

  replaceDocument(uow: UnitOfWork, before: Pick<HardshipDocument, 'version'>, after: HardshipDocument): void {
    uow.replaceVersioned({ ...hardshipKeys.document(after.tenantId, after.subjectId, after.evidenceId), ...asStoredDocument(after) }, before.version, staleVersion());
  }

  /** A document of a file of the scope's tenant (the caller has checked it may see the file). */
  async document(scope: TenantScope, fileId: string, evidenceId: string): Promise<HardshipDocument | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.document(scope.tenantId, fileId, evidenceId));
    return item && documentOf(item);
  }

  async documentsOfFile(scope: TenantScope, fileId: string): Promise<HardshipDocument[]> {
    return (await this.ofFile(hardshipKeys.documentPartition(scope.tenantId), fileId)).map(documentOf);
  }

  // ── grants awaiting a second staff member (大额发放审批) ──────────────────────────────────
  addGrantRequest(uow: UnitOfWork, request: GrantRequest): void {
    uow.create({ ...hardshipKeys.grantRequest(request.tenantId, request.fileId, request.grantId), ...asStored(request), kind: 'hardship.grantRequest' }, conflict({ zh: '发放申请已存在', en: 'Grant request already exists' }));
  }

  replaceGrantRequest(uow: UnitOfWork, before: GrantRequest, after: GrantRequest): void {
    uow.replaceVersioned({ ...hardshipKeys.grantRequest(after.tenantId, after.fileId, after.grantId), ...asStored(after), kind: 'hardship.grantRequest' }, before.version, staleVersion());
  }

  async grantRequest(scope: TenantScope, fileId: string, grantId: string): Promise<GrantRequest | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, hardshipKeys.grantRequest(scope.tenantId, fileId, grantId));
    return item && grantRequestOf(item);
  }

  async grantRequestsOfFile(scope: TenantScope, fileId: string): Promise<GrantRequest[]> {
    return (await this.ofFile(hardshipKeys.grantRequestPartition(scope.tenantId), fileId)).map(grantRequestOf);
  }

  async pendingGrantRequests(scope: TenantScope): Promise<GrantRequest[]> {
    return this.queryAll(hardshipKeys.grantRequestPartition(scope.tenantId), grantRequestOf, { status: 'pending' });
  }

  private async ofFile(partition: string, fileId: string): Promise<Record<string, unknown>[]> {
    const res = await this.table.doc.send(
      new QueryCommand({
        TableName: this.table.name,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :f)',
        ExpressionAttributeValues: { ':pk': partition, ':f': `${fileId}#` },
        ConsistentRead: true,
      }),
    );
    return res.Items ?? [];
  }

  async allGrants(scope: TenantScope): Promise<Grant[]> {
    return this.queryAll(hardshipKeys.grantPartition(scope.tenantId), grantOf);
  }

  private async queryAll<T>(pk: string, map: (i: Record<string, unknown>) => T, where: { unitId?: string; status?: string } = {}): Promise<T[]> {
    const { values, ...filter } = filterExpression(where);
    const items = await queryAll<Record<string, unknown>>(this.table, { KeyConditionExpression: 'pk = :pk', ...filter, ExpressionAttributeValues: { ':pk': pk, ...values }, ConsistentRead: true });
    return items.map(map);
  }
}

export const fileMissing = () => notFound({ zh: '困难档案', en: 'Hardship file' });

const fileOf = (item: Record<string, unknown>): HardshipFile => parseStored(hardshipFileSchema, item, 'hardship file');
const documentSchema = z.object({ ...storedEvidenceFields, module: z.literal('hardship'), documentKind: z.enum(DocumentKind.values) });
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
// Every field of the record is parsed back (a field missing from the schema would be dropped on the next write).
export const documentSchemaCoversRecord: SameKeys<z.output<typeof documentSchema>, HardshipDocument> = true;
const documentOf = (item: Record<string, unknown>): HardshipDocument => parseStored(documentSchema, item, 'hardship document');
const asStoredDocument = (d: HardshipDocument) => ({ kind: 'hardship.document', ...d });

const fundOf = (item: Record<string, unknown>): Fund => parseStored(fundSchema, item, 'hardship fund');

/** `kind` is the table's item-type attribute: the aid kind is stored as `aidKind`. */
function grantOf(item: Record<string, unknown>): Grant {
  const { aidKind, ...rest } = item;
  return parseStored(grantSchema, { ...rest, kind: aidKind }, 'hardship grant');
}

function grantRequestOf(item: Record<string, unknown>): GrantRequest {
  const { aidKind, ...rest } = item;
  return parseStored(grantRequestSchema, { ...rest, kind: aidKind }, 'hardship grant request');
}

/** A grant-like record with its aid kind under `aidKind` (the item's `kind` names its type). */
const asStored = <T extends { kind: string }>(record: T) => {
  const { kind: aidKind, ...rest } = record;
  return { ...rest, aidKind };
};
