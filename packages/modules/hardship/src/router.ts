import { exportWorkbook, noDataRows, readSheet, templateWorkbook, xlsxFile, type ExportSheet } from '@ufp/kit/excel';
import { z } from 'zod';
import { changesBetween } from '@ufp/core/audit/changes';
import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import { conflict, DomainError, invalid, notFound, staleVersion } from '@ufp/core/errors';
import type { Grant, HardshipFile, HouseholdDetails } from '@ufp/core/hardship/file';
import { ledgerColumns, validateLedgerRow, type LedgerError, type LedgerRow } from '@ufp/core/hardship/ledger';
import { aidKinds, aidKindLabels, fundSourceLabels, fundSources, type HardshipRulePack } from '@ufp/core/hardship/rules';
import { classifyHousehold, hardshipEvents, monthsBetween, tierLabels, type HouseholdFigures } from '@ufp/core/hardship/tier';
import {
  addMonths,
  allowedActions,
  approvalMetrics,
  assertReviewerIsNotSubmitter,
  daysBetween,
  fileMetricDeltas,
  grantMetrics,
  fileStatusLabels,
  investigationDueOn,
  isStale,
  nextStatus,
  noticeEndsOn,
  reviewOpensOn,
  type FileAction,
} from '@ufp/core/hardship/workflow';
import { fileClocks, needsAttention } from '@ufp/core/hardship/clocks';
import { newId } from '@ufp/core/ids';
import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from '@ufp/core/pii/mask';
import type { Role } from '@ufp/core/roles';
import type { Lang } from '@ufp/core/spreadsheet/cells';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { limits, numberLimits } from '@ufp/core/validation/limits';
import { bankAccountSchema, bilingualMessage, idNumberSchema, isoDateSchema, phoneSchema, recordId, text } from '@ufp/core/validation/zod';
import { HardshipRepository } from '@ufp/db/repositories/hardship';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { ApiDeps } from '@ufp/kit/deps';
import { idInput, langInput, pageInput } from '@ufp/kit/schemas';
import { publicProcedure, publicTenant, router, tenantProcedure, type Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

type Ctx = Context & { scope: TenantScope };

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const admins = tenantProcedure(['federation_admin']);
const filers = tenantProcedure([...STAFF, 'unit_reporter']);

const repo = (ctx: { deps: ApiDeps }) => new HardshipRepository(ctx.deps.table, ctx.deps.cursors);
const today = (ctx: { deps: ApiDeps }) => shanghaiDate(ctx.deps.clock.now());
const thisYear = (ctx: { deps: ApiDeps }) => shanghaiYear(ctx.deps.clock.now());
const province = (scope: { divisionCode: string }) => scope.divisionCode.slice(0, 2);

// ── input schemas ───────────────────────────────────────────────────────────────────────
const fen = (max = 10_000_000_000) => z.number().int().min(0).max(max);
const year = z.number().int().min(2000).max(2100);
const version = z.number().int().min(1);

const figuresInput = {
  householdSize: z.number().int().min(numberLimits.householdSize.min).max(numberLimits.householdSize.max),
  annualIncomeFen: fen(),
  rigidExpensesFen: fen(),
  hardshipCostsFen: fen().optional(),
  events: z.array(z.enum(hardshipEvents)).max(4).optional(),
};

const memberInput = z.object({
  relation: text(limits.hardship.relation),
  name: text(limits.hardship.personName),
  idNumber: idNumberSchema.optional(),
  annualIncomeFen: fen().optional(),
  health: text(limits.hardship.health).optional(),
});

const householdInput = z.object({
  members: z.array(memberInput).min(1).max(20),
  annualIncomeFen: fen(),
  rigidExpensesFen: fen(),
  hardshipCostsFen: fen().optional(),
  assets: text(limits.hardship.assets).optional(),
  causes: z.array(text(limits.hardship.cause)).max(10).default([]),
  events: z.array(z.enum(hardshipEvents)).max(4).default([]),
  excludedSchooling: z.boolean().optional(),
});

const workerInput = z.object({
  name: text(limits.hardship.personName),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  migrant: z.boolean().default(false),
  unionMember: z.boolean().default(true),
  employmentStart: isoDateSchema.optional(),
});

const createInput = z.object({
  unitId: idInput,
  worker: workerInput,
  household: householdInput,
  consentGiven: z.literal(true, { error: bilingualMessage({ zh: '须经职工本人同意核对家庭经济状况', en: 'The worker must consent to the income check' }) }),
});

const rulesInput = z.object({
  year,
  dibaoMonthlyFen: fen(10_000_000).refine((v) => v > 0, { message: '低保标准须大于0', params: { en: 'The subsistence line must be above zero' } }),
  relativeMultiplier: z.number().min(1).max(5).default(2),
  accidentalShare: z.number().min(0.1).max(1).default(0.8),
  caps: z.object(Object.fromEntries(aidKinds.map((k) => [k, fen(100_000_000)])) as Record<(typeof aidKinds)[number], ReturnType<typeof fen>>),
  investigationDays: z.number().int().min(1).max(60).default(5),
  noticeDays: z.number().int().min(1).max(60).default(5),
  followUpMonths: z.number().int().min(1).max(36).default(6),
  version: z.number().int().min(0),
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────
function assessInput(h: z.infer<typeof householdInput> | (z.infer<typeof householdInput> & Record<string, unknown>), worker: { migrant?: boolean; unionMember?: boolean; employmentStart?: string }, onDate: string, rules: HardshipRulePack) {
  const figures: HouseholdFigures = {
    householdSize: h.members.length,
    annualIncomeFen: h.annualIncomeFen,
    rigidExpensesFen: h.rigidExpensesFen,
    hardshipCostsFen: h.hardshipCostsFen,
    events: h.events,
    excludedSchooling: h.excludedSchooling,
    migrant: worker.migrant
      ? { laborRelationMonths: worker.employmentStart ? monthsBetween(worker.employmentStart, onDate) : 0, unionMember: worker.unionMember ?? true }
      : undefined,
  };
  return classifyHousehold(figures, rules);
}

async function encryptJson(ctx: Ctx, value: unknown, field: string) {
  return ctx.deps.cipher.encrypt(JSON.stringify(value), { tenantId: ctx.scope.tenantId, field });
}

async function decryptJson<T>(ctx: Ctx, ciphertext: string, field: string): Promise<T> {
  return JSON.parse(await ctx.deps.cipher.decrypt(ciphertext, { tenantId: ctx.scope.tenantId, field })) as T;
}

function indexes(ctx: Ctx, idNumber: string) {
  return {
    idIndex: blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `hardship.idNumber#${ctx.scope.tenantId}` }),
    provinceIndex: blindIndex(idNumber, { key: ctx.deps.blindIndexKey, purpose: `hardship.idNumber.province#${province(ctx.scope)}` }),
  };
}


/** What is kept (encrypted) about a household: its figures, masked member ids and the tier's explanation. */
function householdDetails(
  household: z.infer<typeof householdInput>,
  assessment: { explanation: string; explanationEn: string; perCapitaMonthlyFen: number },
  employmentStart: string | undefined,
): HouseholdDetails {
  return {
    members: household.members.map((m) => ({ relation: m.relation, name: m.name, idMasked: m.idNumber ? maskIdNumber(m.idNumber) : undefined, annualIncomeFen: m.annualIncomeFen, health: m.health })),
    annualIncomeFen: household.annualIncomeFen,
    rigidExpensesFen: household.rigidExpensesFen,
    hardshipCostsFen: household.hardshipCostsFen,
    assets: household.assets,
    causes: household.causes,
    events: household.events,
    employmentStart,
    explanation: assessment.explanation,
    explanationEn: assessment.explanationEn,
    perCapitaMonthlyFen: assessment.perCapitaMonthlyFen,
  };
}

/** A new draft file from validated input: tier computed, personal data encrypted and masked. */
async function buildFile(ctx: Ctx, input: { unitId: string; worker: z.infer<typeof workerInput>; household: z.infer<typeof householdInput> }, rules: HardshipRulePack, on: string) {
  const assessment = assessInput(input.household, input.worker, on, rules);
  const now = ctx.deps.clock.now().toISOString();
  const tenantId = ctx.scope.tenantId;
  const details = householdDetails(input.household, assessment, input.worker.employmentStart);
  const file: HardshipFile = {
    fileId: newId(),
    tenantId,
    unitId: input.unitId,
    status: 'draft',
    worker: {
      name: input.worker.name,
      nameMasked: maskName(input.worker.name),
      idMasked: maskIdNumber(input.worker.idNumber),
      idEncrypted: await ctx.deps.cipher.encrypt(input.worker.idNumber, { tenantId, field: 'hardship.worker.idNumber' }),
      phoneMasked: input.worker.phone ? maskPhone(input.worker.phone) : undefined,
      phoneEncrypted: input.worker.phone ? await ctx.deps.cipher.encrypt(input.worker.phone, { tenantId, field: 'hardship.worker.phone' }) : undefined,
      migrant: input.worker.migrant,
    },
    ...indexes(ctx, input.worker.idNumber),
    householdSize: input.household.members.length,
    householdEncrypted: await encryptJson(ctx, details, 'hardship.household'),
    tier: assessment.tier,
    rulesYear: rules.year,
    consentGiven: true,
    createdBy: ctx.scope.actor.sub,
    reentries: 0,
    timeline: [{ at: now, action: 'create', actor: ctx.scope.actor.sub, on }],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { file, assessment };
}

/** The list view: masked identity, tier and clocks, never figures or ciphertexts. */
export function fileSummary(file: HardshipFile, on: string) {
  const clocks = fileClocks(file, on);
  const clock = clocks[0];
  return {
    fileId: file.fileId,
    unitId: file.unitId,
    status: file.status,
    tier: file.tier,
    tierLabel: tierLabels[file.tier].zh,
    worker: { name: file.worker.name, nameMasked: file.worker.nameMasked, idMasked: file.worker.idMasked, phoneMasked: file.worker.phoneMasked, migrant: file.worker.migrant },
    householdSize: file.householdSize,
    submittedOn: file.submittedOn,
    investigationDueOn: file.investigationDueOn,
    noticeStartsOn: file.noticeStartsOn,
    noticeEndsOn: file.noticeEndsOn,
    approvedOn: file.approvedOn,
    exitedOn: file.exitedOn,
    followUpDueOn: file.followUpDueOn,
    followedUpOn: file.followedUpOn,
    clocks,
    /** The nearest clock: its due day, whether it is overdue, and (notice) whether review may begin. */
    clock,
    dueOn: clock?.dueOn,
    overdue: clock?.state === 'overdue',
    reviewable: clock?.kind === 'notice' && clock.state === 'ready',
    version: file.version,
    createdBy: file.createdBy,
    submittedBy: file.submittedBy,
    updatedAt: file.updatedAt,
  };
}

function grantView(g: Grant) {
  const { bankAccountEncrypted: _b, ...rest } = g;
  return rest;
}

type Change = (file: HardshipFile, on: string) => Partial<HardshipFile> | Promise<Partial<HardshipFile>>;

/**
 * One workflow step: load, check order, apply, store versioned, emit the step's event with
 * metric deltas, audit. A retried or raced step fails on the version (409), never applies twice.
 */
async function step(ctx: Ctx, input: { fileId: string; version: number }, action: FileAction, change: Change, opts: { event?: string; auditText: string; on?: string; metrics?: (before: HardshipFile, on: string) => Record<string, number> }) {
  const r = repo(ctx);
  const before = await r.getFile(ctx.scope, input.fileId);
  if (before.version !== input.version) throw staleVersion();
  const status = nextStatus(before.status, action);
  const on = opts.on ?? today(ctx);
  const now = ctx.deps.clock.now().toISOString();
  const patch = await change(before, on);
  const after: HardshipFile = {
    ...before,
    ...patch,
    status,
    version: before.version + 1,
    updatedAt: now,
    timeline: [...before.timeline, { at: now, action, actor: ctx.scope.actor.sub, on }],
  };
  return write(ctx, (uow) => {
    r.replaceFile(uow, before, after);
    const metrics = { ...fileMetricDeltas(before, after), ...opts.metrics?.(before, on) };
    if (opts.event) {
      uow.emit({ type: opts.event, data: { fileId: after.fileId, unitId: after.unitId, tier: after.tier, status: after.status, ...(Object.keys(metrics).length ? { metrics } : {}) } });
    } else if (Object.keys(metrics).length) {
      uow.emit({ type: 'hardship.file.changed', data: { fileId: after.fileId, unitId: after.unitId, tier: after.tier, status: after.status, metrics } });
    }
    uow.audit({
      action: `hardship.files.${action}`,
      entityType: 'hardship.file',
      entityId: after.fileId,
      summary: `${opts.auditText}：困难档案 ${after.worker.nameMasked}`,
      changes: { status: { from: before.status, to: after.status }, ...(before.tier !== after.tier ? { tier: { from: before.tier, to: after.tier } } : {}) },
    });
    return fileSummary(after, on);
  });
}

function publicScope(tenant: Tenant): TenantScope {
  return { kind: 'tenant', tenantId: tenant.id, divisionCode: tenant.divisionCode, actor: { sub: 'public', roles: [] } };
}

async function activeTenant(ctx: { deps: ApiDeps }, tenantId: string): Promise<Tenant> {
  return publicTenant(ctx, tenantId, () => notFound({ zh: '工会', en: 'Federation' }));
}


// ── ledger (台账) import and export ──────────────────────────────────────────────────────
/**
 * Largest ledger workbook accepted. It travels as multipart/form-data (the console) or, for
 * small files and scripts, base64 in JSON; app.ts gives this procedure a body limit to match
 * (still under Lambda's 6 MB request payload once API Gateway base64-encodes it). 20,000
 * typical rows are about 0.8 MB.
 */
export const MAX_LEDGER_BYTES = 4 * 1024 * 1024;
const MAX_LEDGER_ROWS = 20_000;
const IMPORT_BATCH = 49; // 2 items per file + 1 event + 1 audit = 100, the transaction limit
const IMPORT_PARALLEL = 2; // DynamoDB Local serialises writes: more parallel batches only add contention
const LOOKUP_PARALLEL = 4; // open-file look-ups (BatchGet of 100) in flight while the sheet streams
/** Row errors returned inline (the console lists 200); every one is in the error report workbook. */
const MAX_INLINE_ERRORS = 1_000;

const importMode = z.enum(['allOrNothing', 'validRows']);
const importInput = z.preprocess(
  // multipart/form-data arrives as FormData: fields `file` (the .xlsx), `mode` and `lang` (of the error report).
  (v) => (v instanceof FormData ? { file: v.get('file') ?? undefined, mode: v.get('mode') ?? undefined, lang: v.get('lang') ?? undefined } : v),
  z
    .object({
      file: z
        .instanceof(Blob, { error: bilingualMessage({ zh: '请选择 Excel 文件', en: 'Choose an Excel file' }) })
        .refine((b) => b.size > 0 && b.size <= MAX_LEDGER_BYTES, { message: `文件为空或超过 ${MAX_LEDGER_BYTES / 1024 / 1024} MB`, params: { en: `The file is empty or over ${MAX_LEDGER_BYTES / 1024 / 1024} MB` } })
        .optional(),
      fileBase64: z.string().min(1).max(Math.ceil(MAX_LEDGER_BYTES / 3) * 4).optional(),
      mode: importMode,
      lang: langInput,
    })
    .refine((i) => !!i.file !== !!i.fileBase64, { message: '请选择 Excel 文件', params: { en: 'Choose an Excel file' }, path: ['file'] }),
);

/**
 * Collects items into batches of `size` and runs `task` on each full batch (and the last),
 * with at most `parallel` batches in flight: `add` waits for a free slot, `end` for all.
 */
function batchRunner<T>(size: number, parallel: number, task: (batch: T[]) => Promise<void>) {
  const running = new Set<Promise<void>>();
  let batch: T[] = [];
  const launch = async () => {
    const full = batch;
    batch = [];
    const p: Promise<void> = task(full).finally(() => running.delete(p));
    p.catch(() => {}); // a failure surfaces through race/all; a second one while the first unwinds must not go unhandled
    running.add(p);
    if (running.size >= parallel) await Promise.race(running);
  };
  return {
    async add(item: T): Promise<void> {
      batch.push(item);
      if (batch.length === size) await launch();
    },
    async end(): Promise<void> {
      if (batch.length) await launch();
      await Promise.all(running);
    },
  };
}

async function unitsByName(ctx: Ctx): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await ctx.deps.units.list(ctx.scope, {}, { cursor, limit: 200 });
    for (const u of page.items) out.set(u.name, u.unitId);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Pass 1: validates every row as it streams by, keeping only each person's first row (by
 * blind index, for in-file duplicates), the rows in error, and the errors. Whether a person
 * already holds an open file is looked up 100 at a time while the sheet streams.
 */
async function checkLedger(ctx: Ctx, bytes: Uint8Array, units: Map<string, string>, now: Date) {
  const errors: LedgerError[] = [];
  const badRows = new Set<number>();
  const firstRowOf = new Map<string, number>();
  const lookups = batchRunner<{ idIndex: string; row: number }>(100, LOOKUP_PARALLEL, async (batch) => {
    const open = await repo(ctx).openFileIndexes(ctx.scope.tenantId, batch.map((b) => b.idIndex));
    for (const b of batch) {
      if (!open.has(b.idIndex)) continue;
      badRows.add(b.row);
      errors.push({ row: b.row, field: 'idNumber', message: `第${b.row}行：该职工在本会已有未注销的困难档案`, messageEn: `Row ${b.row}: this worker already has an open file` });
    }
  });
  let total = 0;
  for await (const read of readSheet(bytes, ledgerColumns)) {
    const { row } = read;
    if (++total > MAX_LEDGER_ROWS) throw invalid({ zh: `单次最多导入 ${MAX_LEDGER_ROWS.toLocaleString('en')} 行`, en: `At most ${MAX_LEDGER_ROWS.toLocaleString('en')} rows per import` }, { field: 'file' });
    const v = validateLedgerRow(read, units, now);
    if (!v.ok) {
      errors.push(...v.errors);
      badRows.add(row);
      continue;
    }
    const idIndex = indexes(ctx, v.value.idNumber).idIndex;
    const first = firstRowOf.get(idIndex);
    if (first) {
      errors.push({ row, field: 'idNumber', message: `第${row}行：身份证号与第${first}行重复（一户一档）`, messageEn: `Row ${row}: same ID number as row ${first}` });
      badRows.add(row);
      continue;
    }
    firstRowOf.set(idIndex, row);
    await lookups.add({ idIndex, row });
  }
  await lookups.end();
  return { total, errors, badRows };
}

/** A validated ledger row as a new draft file (the same `buildFile` as a single application). */
function ledgerFile(ctx: Ctx, v: LedgerRow, rules: HardshipRulePack, on: string) {
  return buildFile(
    ctx,
    {
      unitId: v.unitId,
      worker: { name: v.name, idNumber: v.idNumber, phone: v.phone, migrant: false, unionMember: true },
      household: {
        members: [{ relation: '本人', name: v.name }, ...Array.from({ length: v.householdSize - 1 }, () => ({ relation: '家庭成员', name: '—' }))],
        annualIncomeFen: v.annualIncomeFen,
        rigidExpensesFen: v.rigidExpensesFen,
        hardshipCostsFen: v.hardshipCostsFen,
        causes: v.causes,
        events: [],
      },
    },
    rules,
    on,
  );
}

/**
 * Writes one batch of files in one transaction: each file with its open-file guard (a person
 * imported or filed meanwhile fails the guard's condition), one event and one audit entry. If
 * the transaction is refused, the rows are retried one by one so only the conflicting row fails.
 */
async function writeLedgerBatch(ctx: Ctx, batch: LedgerRow[], files: HardshipFile[], errors: LedgerError[]): Promise<number> {
  const r = repo(ctx);
  const commit = async (rows: LedgerRow[], fs: HardshipFile[]) => {
    const uow = new UnitOfWork(ctx.deps.table, { scope: ctx.scope, correlationId: ctx.correlationId, now: ctx.deps.clock.now() });
    for (const f of fs) r.addFile(uow, f);
    uow.emit({ type: 'hardship.ledger.imported', data: { files: fs.length } });
    uow.audit({ action: 'hardship.ledger.import', entityType: 'hardship.file', entityId: `import#${ctx.correlationId}`, summary: `台账导入 ${fs.length} 户（第${rows[0]!.row}–${rows[rows.length - 1]!.row}行）` });
    await uow.commit();
  };
  try {
    await commit(batch, files);
    return batch.length;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    if (batch.length === 1) {
      const row = batch[0]!.row;
      errors.push({ row, field: 'idNumber', message: `第${row}行未导入：${e.text.zh}`, messageEn: `Row ${row} was not imported: ${e.text.en}` });
      return 0;
    }
  }
  let written = 0;
  for (let i = 0; i < batch.length; i++) {
    const one = await writeLedgerBatch(ctx, [batch[i]!], [files[i]!], errors);
    written += one;
  }
  return written;
}

/** Pass 2: streams the sheet again and writes the rows pass 1 passed, in bounded batches. */
async function writeLedger(ctx: Ctx, bytes: Uint8Array, units: Map<string, string>, now: Date, badRows: Set<number>, errors: LedgerError[]): Promise<number> {
  const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
  const on = today(ctx);
  let imported = 0;
  const writes = batchRunner<LedgerRow>(IMPORT_BATCH, IMPORT_PARALLEL, async (batch) => {
    const files = await Promise.all(batch.map(async (v) => (await ledgerFile(ctx, v, rules, on)).file));
    const written = await writeLedgerBatch(ctx, batch, files, errors);
    imported += written; // not `imported += await …`: that reads `imported` before the await and loses a parallel batch's count
  });
  for await (const read of readSheet(bytes, ledgerColumns)) {
    if (badRows.has(read.row)) continue;
    const v = validateLedgerRow(read, units, now); // the same bytes and rules as pass 1: valid
    if (v.ok) await writes.add(v.value);
  }
  await writes.end();
  return imported;
}

/** The import's row errors as a workbook in the user's language (every error, not only the inline ones). */
async function errorReport(errors: LedgerError[], lang: Lang) {
  const columnName = (field: string) => ledgerColumns.find((c) => c.key === field)?.[lang] ?? field;
  const sheet: ExportSheet<LedgerError> = {
    name: { zh: '错误报告', en: 'Import errors' },
    columns: [
      { zh: '行号', en: 'Row', kind: 'integer', width: 8, value: (e) => e.row },
      { zh: '列', en: 'Column', kind: 'text', width: 18, value: (e) => columnName(e.field) },
      { zh: '错误', en: 'Error', kind: 'text', width: 90, value: (e) => (lang === 'zh' ? e.message : e.messageEn) },
    ],
    rows: errors,
  };
  const { bytes, rows } = await exportWorkbook(lang, [sheet]);
  return xlsxFile(lang === 'zh' ? '台账导入错误报告.xlsx' : 'hardship-import-errors.xlsx', bytes, rows);
}

const fileSheet: ExportSheet<HardshipFile>['columns'] = [
  { zh: '档案编号', en: 'File no.', kind: 'text', width: 28, value: (f) => f.fileId },
  { zh: '姓名', en: 'Name', kind: 'text', width: 12, value: (f) => f.worker.name },
  { zh: '身份证号（脱敏）', en: 'ID number (masked)', kind: 'text', width: 22, value: (f) => f.worker.idMasked },
  { zh: '困难类别', en: 'Tier', kind: 'label', labels: tierLabels, width: 18, value: (f) => f.tier },
  { zh: '状态', en: 'Status', kind: 'label', labels: fileStatusLabels, width: 18, value: (f) => f.status },
  { zh: '家庭人口', en: 'Household size', kind: 'integer', value: (f) => f.householdSize },
  { zh: '提交日期', en: 'Submitted on', kind: 'date', value: (f) => f.submittedOn },
  { zh: '建档日期', en: 'On file since', kind: 'date', value: (f) => f.approvedOn },
  { zh: '脱困日期', en: 'Exited on', kind: 'date', value: (f) => f.exitedOn },
];

const grantSheet = (names: Map<string, string>): ExportSheet<Grant>['columns'] => [
  { zh: '发放编号', en: 'Grant no.', kind: 'text', width: 28, value: (g) => g.grantId },
  { zh: '档案编号', en: 'File no.', kind: 'text', width: 28, value: (g) => g.fileId },
  { zh: '姓名', en: 'Name', kind: 'text', width: 12, value: (g) => names.get(g.fileId) },
  { zh: '年度', en: 'Year', kind: 'integer', width: 8, value: (g) => g.year },
  { zh: '帮扶类别', en: 'Aid kind', kind: 'label', labels: aidKindLabels, width: 24, value: (g) => g.kind },
  { zh: '金额（元）', en: 'Amount (yuan)', kind: 'money', value: (g) => g.amountFen },
  { zh: '资金来源', en: 'Fund source', kind: 'label', labels: fundSourceLabels, width: 20, value: (g) => g.fundSource },
  { zh: '发放日期', en: 'Granted on', kind: 'date', value: (g) => g.grantedOn },
  { zh: '收款账号（脱敏）', en: 'Bank account (masked)', kind: 'text', width: 24, value: (g) => g.bankAccountMasked },
];

const ledgerRouter = router({
  /** The import template: identifier columns formatted as Text, a note sheet per column. */
  template: staff.input(z.object({ lang: langInput }).optional()).query(async ({ input }) => {
    const lang = input?.lang ?? 'zh';
    const notes = [
      { zh: '身份证号、联系电话两列已设为“文本”格式，直接输入即可。请勿改为“常规”或“数值”：表格程序会把18位号码存成只有15位有效数字的数字，末几位将丢失，导入时该行会被拒绝。', en: 'The ID number and phone columns are formatted as Text: type the numbers as they are. Do not change them to General or Number: a spreadsheet stores an 18-digit number with 15 significant digits, the last digits are lost, and the import refuses such rows.' },
      { zh: '从其他表格复制号码时，请使用“选择性粘贴→文本/值”，或在号码前加英文单引号 \'。', en: "When copying numbers from another sheet, paste as text or values, or type an apostrophe ' before the number." },
      { zh: '金额以元为单位，最多两位小数；第一行为表头，请勿修改。', en: 'Amounts are in yuan with at most two decimals; row 1 is the header, keep it as it is.' },
    ];
    const bytes = await templateWorkbook(lang, { zh: '台账', en: 'Ledger' }, ledgerColumns, notes);
    return xlsxFile(lang === 'zh' ? '困难职工台账模板.xlsx' : 'hardship-ledger-template.xlsx', bytes, 0);
  }),

  /**
   * Imports a ledger as draft files, streaming the workbook twice: pass 1 reads every row with
   * the shared cell reader and validates it (with its Excel row number), pass 2 writes.
   * `allOrNothing` writes nothing when any row fails; `validRows` writes the rest. Either way the
   * errors come back with an error report workbook. Memory stays flat with the row count (see
   * the hardship bench).
   */
  import: staff.input(importInput).mutation(async ({ ctx, input }) => {
    const bytes = input.file ? new Uint8Array(await input.file.arrayBuffer()) : Buffer.from(input.fileBase64!, 'base64');
    const units = await unitsByName(ctx);
    const now = ctx.deps.clock.now();
    const { total, errors, badRows } = await checkLedger(ctx, bytes, units, now);
    if (total === 0) throw noDataRows();
    const imported = errors.length && input.mode === 'allOrNothing' ? 0 : await writeLedger(ctx, bytes, units, now, badRows, errors);
    errors.sort((a, b) => a.row - b.row);
    return {
      total,
      imported,
      written: imported > 0,
      errors: errors.slice(0, MAX_INLINE_ERRORS),
      errorRows: new Set(errors.map((e) => e.row)).size,
      errorCount: errors.length,
      errorReport: errors.length ? await errorReport(errors, input.lang ?? 'zh') : undefined,
    };
  }),

  /** Files (masked ID) and grants as one workbook, for the federation's own records. */
  export: staff.input(z.object({ year: year.optional(), lang: langInput }).optional()).query(async ({ ctx, input }) => {
    const lang = input?.lang ?? 'zh';
    const r = repo(ctx);
    const [files, grants] = await Promise.all([r.allFiles(ctx.scope), r.allGrants(ctx.scope)]);
    const names = new Map(files.map((f) => [f.fileId, f.worker.name]));
    const { bytes, rows } = await exportWorkbook(lang, [
      { name: { zh: '困难档案', en: 'Hardship files' }, columns: fileSheet, rows: files },
      { name: { zh: '帮扶发放', en: 'Aid grants' }, columns: grantSheet(names), rows: grants.filter((g) => !input?.year || g.year === input.year) },
    ]);
    await write(ctx, (uow) => {
      uow.audit({ action: 'hardship.ledger.export', entityType: 'hardship.file', entityId: 'export', summary: `导出困难档案 ${files.length} 份、发放记录 ${grants.length} 条` });
    });
    return xlsxFile(`hardship-${today(ctx)}.xlsx`, bytes, rows);
  }),
});

// ── procedures ──────────────────────────────────────────────────────────────────────────
export const hardshipRouter = router({
  ledger: ledgerRouter,
  rules: router({
    get: filers.input(z.object({ year })).query(({ ctx, input }) => repo(ctx).rules(ctx.scope, input.year)),
    set: admins.input(rulesInput).mutation(async ({ ctx, input }) => {
      const current = await repo(ctx).rules(ctx.scope, input.year);
      if (current.version !== input.version) throw staleVersion();
      const pack: HardshipRulePack = { ...input, version: input.version + 1, updatedAt: ctx.deps.clock.now().toISOString() };
      return write(ctx, (uow) => {
        repo(ctx).putRules(uow, ctx.scope, pack, input.version);
        uow.audit({
          action: 'hardship.rules.set',
          entityType: 'hardship.rules',
          entityId: String(input.year),
          summary: `设置 ${input.year} 年困难帮扶规则：低保 ${input.dibaoMonthlyFen / 100} 元/人/月`,
          changes: changesBetween(current, pack, ['dibaoMonthlyFen', 'relativeMultiplier', 'accidentalShare', 'caps', 'investigationDays', 'noticeDays', 'followUpMonths']),
        });
        return pack;
      });
    }),
  }),

  /** Public self-test: the same rule code the caseworkers use. Nothing is stored or logged. */
  selfTest: publicProcedure
    .input(z.object({ tenantId: recordId(40), year: year.optional(), ...figuresInput, migrantMonths: z.number().int().min(0).max(600).optional(), excludedSchooling: z.boolean().optional() }))
    .query(async ({ ctx, input }) => {
      const tenant = await activeTenant(ctx, input.tenantId);
      const y = input.year ?? thisYear(ctx);
      const rules = await repo(ctx).rules(publicScope(tenant), y);
      const result = classifyHousehold(
        { ...input, migrant: input.migrantMonths === undefined ? undefined : { laborRelationMonths: input.migrantMonths, unionMember: true } },
        rules,
      );
      return { ...result, tierLabel: tierLabels[result.tier].zh, tierLabelEn: tierLabels[result.tier].en, year: y, dibaoMonthlyFen: rules.dibaoMonthlyFen };
    }),

  files: router({
    /** A unit reporter files for their own unit; staff for any unit of the tenant. */
    create: filers.input(createInput).mutation(async ({ ctx, input }) => {
      if (ctx.scope.unitId && ctx.scope.unitId !== input.unitId) throw notFound({ zh: '基层工会', en: 'Union' });
      await ctx.deps.units.get(ctx.scope, input.unitId);
      const on = today(ctx);
      if (input.worker.employmentStart && input.worker.employmentStart > on) {
        throw invalid({ zh: '入职日期不能晚于今天', en: 'Employment start cannot be in the future' }, { field: 'worker.employmentStart' });
      }
      const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
      const { file, assessment } = await buildFile(ctx, input, rules, on);
      const fileId = file.fileId;
      return write(ctx, (uow) => {
        repo(ctx).addFile(uow, file);
        uow.emit({ type: 'hardship.file.created', data: { fileId, unitId: file.unitId, tier: file.tier } });
        uow.audit({ action: 'hardship.files.create', entityType: 'hardship.file', entityId: fileId, summary: `新建困难档案 ${file.worker.nameMasked}（${tierLabels[file.tier].zh}），已取得本人核对授权` });
        return { ...fileSummary(file, on), explanation: assessment.explanation, explanationEn: assessment.explanationEn };
      });
    }),

    get: filers.input(z.object({ fileId: idInput })).query(async ({ ctx, input }) => {
      const r = repo(ctx);
      const file = await r.getFile(ctx.scope, input.fileId);
      const on = today(ctx);
      const [, grants, details, findings] = await Promise.all([
        r.rules(ctx.scope, thisYear(ctx)),
        r.grantsOfFile(ctx.scope, file.fileId),
        decryptJson<HouseholdDetails>(ctx, file.householdEncrypted, 'hardship.household'),
        file.findingsEncrypted ? ctx.deps.cipher.decrypt(file.findingsEncrypted, { tenantId: ctx.scope.tenantId, field: 'hardship.findings' }) : undefined,
      ]);
      const dup = ctx.scope.unitId ? new Map<string, number>() : await r.otherTenantsAiding(province(ctx.scope), thisYear(ctx), ctx.scope.tenantId, [file.provinceIndex]);
      const fields = ['household.members', 'household.income', 'household.health', ...(findings === undefined ? [] : ['findings'])];
      await write(ctx, (uow) => {
        uow.audit({ action: 'pii.read', entityType: 'hardship.file', entityId: file.fileId, summary: `查看困难档案 ${file.worker.nameMasked} 的家庭成员、收入与健康状况${findings === undefined ? '' : '及调查结论'}（解密）`, fields });
      });
      return {
        ...fileSummary(file, on),
        household: details,
        findings,
        timeline: file.timeline,
        grants: grants.map(grantView),
        actions: allowedActions(file.status),
        duplicate: dup.get(file.provinceIndex) ? { year: thisYear(ctx), otherFederations: dup.get(file.provinceIndex)! } : undefined,
        stale: file.status === 'approved' && isStale(file.updatedAt.slice(0, 10), on),
      };
    }),

    list: filers
      .input(z.object({ ...pageInput, status: z.enum(['draft', 'submitted', 'investigated', 'noticed', 'approved', 'rejected', 'exited']).optional(), unitId: idInput.optional() }).optional())
      .query(async ({ ctx, input }) => {
        const r = repo(ctx);
        const page = await r.listFiles(ctx.scope, { status: input?.status, unitId: input?.unitId }, { cursor: input?.cursor, limit: input?.limit });
        const on = today(ctx);
        return { items: page.items.map((f) => fileSummary(f, on)), nextCursor: page.nextCursor };
      }),

    /**
     * The caseworker queue: applications in progress, and files on record or exited whose
     * re-verification or follow-up is due soon or overdue. Nearest clock first (core's
     * `fileClocks`, as the daily tick), then files awaiting their notice (no clock), oldest first.
     */
    queue: staff.query(async ({ ctx }) => {
      const files = await repo(ctx).allFiles(ctx.scope);
      const on = today(ctx);
      const inProgress = new Set(['submitted', 'investigated', 'noticed']);
      return files
        .map((f) => fileSummary(f, on))
        .filter((f) => inProgress.has(f.status) || f.clocks.some(needsAttention))
        .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.updatedAt.localeCompare(b.updatedAt));
    }),

    /** Files on record unchanged for a year, and files never assisted (the ACFTU checks). */
    attention: staff.query(async ({ ctx }) => {
      const r = repo(ctx);
      const [files, grants] = await Promise.all([r.allFiles(ctx.scope), r.allGrants(ctx.scope)]);
      const on = today(ctx);
      const assisted = new Set(grants.map((g) => g.fileId));
      const onFile = files.filter((f) => f.status === 'approved');
      const followUps = files.filter((f) => fileClocks(f, on).some((c) => c.kind === 'followUp' && (c.state === 'due_today' || c.state === 'overdue')));
      return {
        stale: onFile.filter((f) => isStale(f.updatedAt.slice(0, 10), on)).map((f) => fileSummary(f, on)),
        neverAssisted: onFile.filter((f) => !assisted.has(f.fileId)).map((f) => fileSummary(f, on)),
        followUpsDue: followUps.map((f) => fileSummary(f, on)),
      };
    }),

    submit: filers.input(z.object({ fileId: idInput, version })).mutation(({ ctx, input }) =>
      step(ctx, input, 'submit', async (f, on) => {
        const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
        return { submittedBy: ctx.scope.actor.sub, submittedOn: on, investigationDueOn: investigationDueOn(on, rules.investigationDays) };
      }, { event: 'hardship.file.submitted', auditText: '提交申请' }),
    ),

    investigate: filers
      .input(z.object({ fileId: idInput, version, visitedOn: isoDateSchema, findings: text(limits.hardship.findings) }))
      .mutation(({ ctx, input }) => {
        if (input.visitedOn > today(ctx)) throw invalid({ zh: '入户调查日期不能晚于今天', en: 'The visit date cannot be in the future' }, { field: 'visitedOn' });
        return step(ctx, input, 'investigate', async () => ({
          visitedOn: input.visitedOn,
          findingsEncrypted: await ctx.deps.cipher.encrypt(input.findings, { tenantId: ctx.scope.tenantId, field: 'hardship.findings' }),
        }), { auditText: '登记入户调查' });
      }),

    publishNotice: staff.input(z.object({ fileId: idInput, version, startsOn: isoDateSchema })).mutation(async ({ ctx, input }) => {
      const file = await repo(ctx).getFile(ctx.scope, input.fileId);
      if (file.visitedOn && input.startsOn < file.visitedOn) throw invalid({ zh: '公示不能早于入户调查', en: 'The notice cannot start before the investigation visit' }, { field: 'startsOn' });
      if (daysBetween(today(ctx), input.startsOn) > 30) throw invalid({ zh: '公示开始日期不能晚于30天后', en: 'The notice must start within 30 days' }, { field: 'startsOn' });
      const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
      return step(ctx, input, 'publishNotice', () => ({ noticeStartsOn: input.startsOn, noticeEndsOn: noticeEndsOn(input.startsOn, rules.noticeDays) }), { auditText: '发布公示' });
    }),

    /** 评议 by staff other than the submitter, after the notice has run its days. */
    review: staff
      .input(z.object({ fileId: idInput, version, decision: z.enum(['approve', 'reject']), reason: text(limits.hardship.reason) }))
      .mutation(async ({ ctx, input }) => {
        const file = await repo(ctx).getFile(ctx.scope, input.fileId);
        assertReviewerIsNotSubmitter(ctx.scope.actor.sub, file.submittedBy);
        assertReviewerIsNotSubmitter(ctx.scope.actor.sub, file.createdBy);
        if (file.status === 'noticed' && file.noticeEndsOn && today(ctx) < reviewOpensOn(file.noticeEndsOn)) {
          throw conflict({ zh: `公示期未满：公示至 ${file.noticeEndsOn} 止，${reviewOpensOn(file.noticeEndsOn)} 起可审核`, en: `The notice runs until ${file.noticeEndsOn}; review may begin on ${reviewOpensOn(file.noticeEndsOn)}` }, { reason: 'notice_running' });
        }
        if (input.decision === 'approve' && file.tier === 'not_eligible') {
          throw conflict({ zh: '测算结果不符合困难职工条件，不能建档', en: 'The household does not qualify under the rules; it cannot be put on file' });
        }
        return step(ctx, input, input.decision, (_f, on) => (input.decision === 'approve' ? { reviewedBy: ctx.scope.actor.sub, approvedOn: on, lastVerifiedOn: on } : { reviewedBy: ctx.scope.actor.sub }), {
          event: input.decision === 'approve' ? 'hardship.file.approved' : 'hardship.file.rejected',
          // Average days from application to 建档 = daysToApproval ÷ approvals (an anchors §9 indicator).
          metrics: (f, on): Record<string, number> => (input.decision === 'approve' && f.submittedOn ? approvalMetrics(daysBetween(f.submittedOn, on)) : {}),
          auditText: input.decision === 'approve' ? '审核通过并建档' : '审核不通过',
        });
      }),

    /** Yearly re-verification: new figures recompute the tier with this year's rule pack. */
    reverify: staff.input(z.object({ fileId: idInput, version, household: householdInput.optional() })).mutation(({ ctx, input }) =>
      step(ctx, input, 'reverify', async (f, on) => {
        if (!input.household) return { lastVerifiedOn: on };
        const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
        const old = await decryptJson<HouseholdDetails>(ctx, f.householdEncrypted, 'hardship.household');
        const assessment = assessInput(input.household, { migrant: f.worker.migrant, employmentStart: old.employmentStart }, on, rules);
        if (assessment.tier === 'not_eligible') {
          throw conflict({ zh: '复核测算已不符合困难条件，请办理脱困退出', en: 'No longer eligible on re-verification; record an exit instead' }, { reason: 'no_longer_eligible' });
        }
        const details = householdDetails(input.household, assessment, old.employmentStart);
        return { lastVerifiedOn: on, tier: assessment.tier, rulesYear: rules.year, householdSize: input.household.members.length, householdEncrypted: await encryptJson(ctx, details, 'hardship.household') };
      }, { event: 'hardship.file.reverified', auditText: '年度复核' }),
    ),

    /** Corrects household figures before the notice; the tier and its explanation are recomputed. */
    updateHousehold: filers.input(z.object({ fileId: idInput, version, household: householdInput })).mutation(async ({ ctx, input }) => {
      const r = repo(ctx);
      const before = await r.getFile(ctx.scope, input.fileId);
      if (before.version !== input.version) throw staleVersion();
      if (!['draft', 'submitted', 'investigated'].includes(before.status)) {
        throw conflict({ zh: '公示后不能再修改家庭情况，请在年度复核时更新', en: 'Household figures cannot change after the notice; update them at re-verification' }, { reason: 'workflow_order' });
      }
      const on = today(ctx);
      const rules = await r.rules(ctx.scope, thisYear(ctx));
      const old = await decryptJson<HouseholdDetails>(ctx, before.householdEncrypted, 'hardship.household');
      const assessment = assessInput(input.household, { migrant: before.worker.migrant, employmentStart: old.employmentStart }, on, rules);
      const details = householdDetails(input.household, assessment, old.employmentStart);
      const now = ctx.deps.clock.now().toISOString();
      const after: HardshipFile = {
        ...before,
        tier: assessment.tier,
        rulesYear: rules.year,
        householdSize: input.household.members.length,
        householdEncrypted: await encryptJson(ctx, details, 'hardship.household'),
        version: before.version + 1,
        updatedAt: now,
        timeline: [...before.timeline, { at: now, action: 'updateHousehold', actor: ctx.scope.actor.sub, on }],
      };
      return write(ctx, (uow) => {
        r.replaceFile(uow, before, after);
        uow.audit({
          action: 'hardship.files.updateHousehold',
          entityType: 'hardship.file',
          entityId: after.fileId,
          summary: `修改困难档案 ${after.worker.nameMasked} 的家庭情况`,
          changes: { householdFigures: { from: '***', to: '***' }, ...(before.tier !== after.tier ? { tier: { from: before.tier, to: after.tier } } : {}) },
        });
        return { ...fileSummary(after, on), explanation: assessment.explanation, explanationEn: assessment.explanationEn };
      });
    }),

    exit: staff.input(z.object({ fileId: idInput, version, reason: text(limits.hardship.reason) })).mutation(async ({ ctx, input }) => {
      const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
      return step(ctx, input, 'exit', (_f, on) => ({ exitedOn: on, followUpDueOn: addMonths(on, rules.followUpMonths) }), { event: 'hardship.file.exited', auditText: '脱困退出' });
    }),

    /** The follow-up visit after an exit (脱困回访): closes the follow-up clock; a worker back in hardship is re-entered instead. */
    followUp: staff
      .input(z.object({ fileId: idInput, version, visitedOn: isoDateSchema, findings: text(limits.hardship.findings) }))
      .mutation(async ({ ctx, input }) => {
        if (input.visitedOn > today(ctx)) throw invalid({ zh: '回访日期不能晚于今天', en: 'The visit date cannot be in the future' }, { field: 'visitedOn' });
        const file = await repo(ctx).getFile(ctx.scope, input.fileId);
        if (file.exitedOn && input.visitedOn < file.exitedOn) throw invalid({ zh: '回访日期不能早于脱困日期', en: 'The visit cannot be before the exit' }, { field: 'visitedOn' });
        return step(ctx, input, 'followUp', async () => ({
          followedUpOn: input.visitedOn,
          followUpFindingsEncrypted: await ctx.deps.cipher.encrypt(input.findings, { tenantId: ctx.scope.tenantId, field: 'hardship.findings' }),
        }), { auditText: '登记脱困回访', on: input.visitedOn });
      }),

    reenter: staff.input(z.object({ fileId: idInput, version, reason: text(limits.hardship.reason) })).mutation(({ ctx, input }) =>
      step(ctx, input, 'reenter', (f, on) => ({ reentries: f.reentries + 1, exitedOn: undefined, followUpDueOn: undefined, followedUpOn: undefined, followUpFindingsEncrypted: undefined, lastVerifiedOn: on }), { event: 'hardship.file.reentered', auditText: '返困重新建档' }),
    ),

    /** The unmasked ID number or phone, for staff who need it; every read is audit-logged. */
    reveal: staff.meta({ auditedRead: true }).input(z.object({ fileId: idInput, field: z.enum(['idNumber', 'phone']) })).mutation(async ({ ctx, input }) => {
      const file = await repo(ctx).getFile(ctx.scope, input.fileId);
      const ciphertext = input.field === 'idNumber' ? file.worker.idEncrypted : file.worker.phoneEncrypted;
      const value = ciphertext ? await ctx.deps.cipher.decrypt(ciphertext, { tenantId: ctx.scope.tenantId, field: input.field === 'idNumber' ? 'hardship.worker.idNumber' : 'hardship.worker.phone' }) : null;
      await write(ctx, (uow) => {
        uow.audit({ action: 'pii.reveal', entityType: 'hardship.file', entityId: file.fileId, summary: `查看困难档案 ${file.worker.nameMasked} 的${input.field === 'idNumber' ? '身份证号' : '联系电话'}（明文）` });
      });
      return { value };
    }),
  }),

  /** Public 公示 list: masked name and ID and the tier only — never income or illness. */
  notices: router({
    list: publicProcedure.input(z.object({ tenantId: recordId(40) })).query(async ({ ctx, input }) => {
      const tenant = await activeTenant(ctx, input.tenantId);
      const files = await repo(ctx).allFiles(publicScope(tenant), 'noticed');
      const on = today(ctx);
      return {
        tenant: { id: tenant.id, name: tenant.name },
        items: files
          .filter((f) => f.status === 'noticed' && f.noticeStartsOn && f.noticeStartsOn <= on)
          .sort((a, b) => (a.noticeStartsOn ?? '').localeCompare(b.noticeStartsOn ?? ''))
          .map((f) => ({ nameMasked: f.worker.nameMasked, idMasked: f.worker.idMasked, tier: f.tier, tierLabel: tierLabels[f.tier].zh, startsOn: f.noticeStartsOn!, endsOn: f.noticeEndsOn! })),
      };
    }),
  }),

  funds: router({
    list: staff.input(z.object({ year })).query(async ({ ctx, input }) => {
      const r = repo(ctx);
      const [funds, grants] = await Promise.all([r.funds(ctx.scope, input.year), r.allGrants(ctx.scope)]);
      const byKind: Record<string, number> = {};
      for (const g of grants) if (g.year === input.year) byKind[g.kind] = (byKind[g.kind] ?? 0) + g.amountFen;
      return { funds, byKind };
    }),
    set: admins.input(z.object({ year, source: z.enum(fundSources), budgetFen: fen(100_000_000_000) })).mutation(async ({ ctx, input }) => {
      const r = repo(ctx);
      const current = await r.fund(ctx.scope, input.year, input.source);
      const granted = current?.grantedFen ?? 0;
      if (input.budgetFen < granted) {
        throw conflict({ zh: `预算不能低于已发放金额 ${granted / 100} 元`, en: `The budget cannot be below the ${granted / 100} yuan already granted` }, { field: 'budgetFen' });
      }
      const fund = { year: input.year, source: input.source, budgetFen: input.budgetFen, grantedFen: granted, remainingFen: input.budgetFen - granted, version: (current?.version ?? 0) + 1, updatedAt: ctx.deps.clock.now().toISOString() };
      return write(ctx, (uow) => {
        r.putFund(uow, ctx.scope, fund, current?.version ?? 0);
        uow.audit({ action: 'hardship.funds.set', entityType: 'hardship.fund', entityId: `${input.year}#${input.source}`, summary: `设置 ${input.year} 年帮扶资金预算（${input.source}）`, changes: { budgetFen: { from: current?.budgetFen, to: input.budgetFen } } });
        return fund;
      });
    }),
  }),

  aid: router({
    /**
     * A grant. The budget decrement and the household-year-kind cap increment are conditions
     * in the same transaction as the grant: concurrent grants cannot overspend either.
     */
    grant: staff
      .input(z.object({
        fileId: idInput,
        kind: z.enum(aidKinds),
        amountFen: z.number().int().min(1).max(100_000_000),
        fundSource: z.enum(fundSources),
        note: text(limits.hardship.grantNote).optional(),
        bankAccount: bankAccountSchema.optional(),
      }))
      .mutation(async ({ ctx, input }) => {
        const r = repo(ctx);
        const file = await r.getFile(ctx.scope, input.fileId);
        if (file.status !== 'approved') throw conflict({ zh: '仅已建档的困难职工可发放帮扶资金', en: 'Only households on file can receive assistance' }, { reason: 'not_on_file' });
        const y = thisYear(ctx);
        const rules = await r.rules(ctx.scope, y);
        const cap = rules.caps[input.kind];
        const label = aidKindLabels[input.kind];
        const capError = conflict(
          { zh: `超出${label.zh}每户每年上限 ${cap / 100} 元`, en: `Over the ${label.en} cap of ${cap / 100} yuan per household per year` },
          { field: 'amountFen', reason: 'cap_exceeded' },
        );
        if (input.amountFen > cap) throw capError;
        const now = ctx.deps.clock.now();
        const grant: Grant = {
          grantId: newId(),
          tenantId: ctx.scope.tenantId,
          fileId: file.fileId,
          year: y,
          kind: input.kind,
          amountFen: input.amountFen,
          fundSource: input.fundSource,
          grantedOn: shanghaiDate(now),
          grantedBy: ctx.scope.actor.sub,
          note: input.note,
          bankAccountMasked: input.bankAccount ? maskBankAccount(input.bankAccount) : undefined,
          bankAccountEncrypted: input.bankAccount ? await ctx.deps.cipher.encrypt(input.bankAccount.replace(/\s+/g, ''), { tenantId: ctx.scope.tenantId, field: 'hardship.grant.bankAccount' }) : undefined,
          createdAt: now.toISOString(),
        };
        const budgetError = conflict(
          { zh: `${y} 年该资金来源预算不足（或未设置预算），无法发放 ${input.amountFen / 100} 元`, en: `The ${y} budget of this fund source is insufficient (or not set) for ${input.amountFen / 100} yuan` },
          { field: 'fundSource', reason: 'budget_exhausted' },
        );
        const result = await write(ctx, (uow: UnitOfWork) => {
          r.addGrant(uow, grant, cap, { budget: budgetError, cap: capError });
          r.markProvinceAid(uow, province(ctx.scope), y, file.provinceIndex, ctx.scope.tenantId);
          uow.emit({
            type: 'hardship.aid.granted',
            data: {
              grantId: grant.grantId,
              fileId: grant.fileId,
              kind: grant.kind,
              amountFen: grant.amountFen,
              fundSource: grant.fundSource,
              year: y,
              metrics: grantMetrics(grant),
            },
          });
          uow.audit({ action: 'hardship.aid.grant', entityType: 'hardship.grant', entityId: grant.grantId, summary: `发放${label.zh} ${grant.amountFen / 100} 元：困难档案 ${file.worker.nameMasked}` });
          return grantView(grant);
        });
        const dup = await r.otherTenantsAiding(province(ctx.scope), y, ctx.scope.tenantId, [file.provinceIndex]);
        return { ...result, duplicate: dup.get(file.provinceIndex) ? { year: y, otherFederations: dup.get(file.provinceIndex)! } : undefined };
      }),

    revealBankAccount: staff.meta({ auditedRead: true }).input(z.object({ fileId: idInput, grantId: idInput })).mutation(async ({ ctx, input }) => {
      const grant = (await repo(ctx).grantsOfFile(ctx.scope, input.fileId)).find((g) => g.grantId === input.grantId);
      if (!grant) throw notFound({ zh: '发放记录', en: 'Grant' });
      const value = grant.bankAccountEncrypted ? await ctx.deps.cipher.decrypt(grant.bankAccountEncrypted, { tenantId: ctx.scope.tenantId, field: 'hardship.grant.bankAccount' }) : null;
      await write(ctx, (uow) => {
        uow.audit({ action: 'pii.reveal', entityType: 'hardship.grant', entityId: grant.grantId, summary: '查看帮扶发放银行账号（明文）' });
      });
      return { value };
    }),
  }),

  /** Province-wide check: this tenant's households also aided by another federation this year (counts only). */
  duplicates: staff.input(z.object({ year })).query(async ({ ctx, input }) => {
    const r = repo(ctx);
    const files = (await r.allFiles(ctx.scope)).filter((f) => f.status !== 'draft' && f.status !== 'rejected');
    const flagged = await r.otherTenantsAiding(province(ctx.scope), input.year, ctx.scope.tenantId, files.map((f) => f.provinceIndex));
    const on = today(ctx);
    return files.filter((f) => flagged.has(f.provinceIndex)).map((f) => ({ ...fileSummary(f, on), otherFederations: flagged.get(f.provinceIndex)! }));
  }),
});
