import type ExcelJS from 'exceljs';
import { newWorkbook } from '../excel.js';
import { z } from 'zod';
import { shanghaiDate, shanghaiYear } from '@ufp/core/clock';
import { conflict, DomainError, invalid, notFound, staleVersion } from '@ufp/core/errors';
import type { Grant, HardshipFile, HouseholdDetails } from '@ufp/core/hardship/file';
import { ledgerColumns, validateLedgerRow, type LedgerError, type LedgerKey, type LedgerRow } from '@ufp/core/hardship/ledger';
import { aidKinds, aidKindLabels, fundSources, type HardshipRulePack } from '@ufp/core/hardship/rules';
import { classifyHousehold, hardshipEvents, monthsBetween, tierLabels, type HouseholdFigures } from '@ufp/core/hardship/tier';
import {
  addMonths,
  allowedActions,
  assertReviewerIsNotSubmitter,
  daysBetween,
  fileMetricDeltas,
  investigationClock,
  isStale,
  nextStatus,
  noticeEndsOn,
  type FileAction,
} from '@ufp/core/hardship/workflow';
import { newId } from '@ufp/core/ids';
import { blindIndex } from '@ufp/core/pii/blind-index';
import { maskBankAccount, maskIdNumber, maskName, maskPhone } from '@ufp/core/pii/mask';
import type { Role } from '@ufp/core/roles';
import type { Tenant, TenantScope } from '@ufp/core/tenancy/scope';
import { idNumberSchema, phoneSchema } from '@ufp/core/validation/zod';
import { HardshipRepository } from '@ufp/db/repositories/hardship';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import type { ApiDeps } from '../deps.js';
import { idInput, pageInput } from '../schemas.js';
import { publicProcedure, router, tenantProcedure, type Context } from '../trpc.js';
import { write } from '../write.js';

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
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
  message: '日期无效（应为 YYYY-MM-DD）',
  params: { en: 'Invalid date (expected YYYY-MM-DD)' },
});
const year = z.number().int().min(2000).max(2100);
const version = z.number().int().min(1);

const figuresInput = {
  householdSize: z.number().int().min(1).max(20),
  annualIncomeFen: fen(),
  rigidExpensesFen: fen(),
  hardshipCostsFen: fen().optional(),
  events: z.array(z.enum(hardshipEvents)).max(4).optional(),
};

const memberInput = z.object({
  relation: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(30),
  idNumber: idNumberSchema.optional(),
  annualIncomeFen: fen().optional(),
  health: z.string().trim().max(200).optional(),
});

const householdInput = z.object({
  members: z.array(memberInput).min(1).max(20),
  annualIncomeFen: fen(),
  rigidExpensesFen: fen(),
  hardshipCostsFen: fen().optional(),
  assets: z.string().trim().max(500).optional(),
  causes: z.array(z.string().trim().min(1).max(100)).max(10).default([]),
  events: z.array(z.enum(hardshipEvents)).max(4).default([]),
  excludedSchooling: z.boolean().optional(),
});

const workerInput = z.object({
  name: z.string().trim().min(1).max(30),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
  migrant: z.boolean().default(false),
  unionMember: z.boolean().default(true),
  employmentStart: isoDate.optional(),
});

const createInput = z.object({
  unitId: idInput,
  worker: workerInput,
  household: householdInput,
  consentGiven: z.literal(true, { message: '须经职工本人同意核对家庭经济状况', params: { en: 'The worker must consent to the income check' } } as never),
});

const rulesInput = z.object({
  year,
  dibaoMonthlyFen: fen(10_000_000).refine((v) => v > 0, { message: '低保标准须大于0', params: { en: 'The subsistence line must be above zero' } }),
  relativeMultiplier: z.number().min(1).max(5).default(2),
  accidentalShare: z.number().min(0.1).max(1).default(0.8),
  caps: z.object(Object.fromEntries(aidKinds.map((k) => [k, fen(100_000_000)])) as Record<(typeof aidKinds)[number], ReturnType<typeof fen>>),
  investigationDays: z.number().int().min(1).max(60).default(5),
  noticeDays: z.number().int().min(0).max(60).default(5),
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
  const dueOn = file.investigationDueOn;
  const clock = file.status === 'submitted' && dueOn ? { dueOn, daysLeft: daysBetween(on, dueOn), overdue: daysBetween(on, dueOn) < 0 } : undefined;
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
    clock,
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
  const tenant = await ctx.deps.tenants.get(tenantId);
  if (!tenant || tenant.status !== 'active') throw notFound('工会');
  return tenant;
}


// ── ledger (台账) import and export ──────────────────────────────────────────────────────
const MAX_XLSX_BASE64 = 1_000_000;
const IMPORT_BATCH = 40; // 2 items per file + 1 event + 1 audit stays under the 100-item transaction limit
const IMPORT_PARALLEL = 2; // DynamoDB Local serialises writes: more parallel batches only add contention

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('result' in v) return (v as { result?: unknown }).result ?? '';
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
    if ('text' in v) return (v as { text: unknown }).text;
    return '';
  }
  return v;
}

async function xlsxBase64(build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = await newWorkbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function readLedger(base64: string): Promise<{ row: number; cells: Record<LedgerKey, unknown> }[]> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  } catch {
    throw invalid({ zh: '无法读取该 Excel 文件（须为 .xlsx）', en: 'Cannot read this Excel file (.xlsx expected)' }, { field: 'fileBase64' });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw invalid({ zh: 'Excel 文件没有工作表', en: 'The workbook has no sheet' }, { field: 'fileBase64' });
  const header = sheet.getRow(1);
  const columnOf = new Map<LedgerKey, number>();
  header.eachCell((cell, col) => {
    const label = String(cellValue(cell.value)).trim();
    const c = ledgerColumns.find((x) => x.zh === label || x.en === label || x.key === label);
    if (c) columnOf.set(c.key, col);
  });
  const missing = ledgerColumns.filter((c) => c.required && !columnOf.has(c.key));
  if (missing.length) {
    throw invalid({ zh: `模板缺少列：${missing.map((c) => c.zh).join('、')}`, en: `Missing columns: ${missing.map((c) => c.en).join(', ')}` }, { field: 'fileBase64' });
  }
  const rows: { row: number; cells: Record<LedgerKey, unknown> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(ledgerColumns.map((c) => [c.key, columnOf.has(c.key) ? cellValue(r.getCell(columnOf.get(c.key)!).value) : ''])) as Record<LedgerKey, unknown>;
    if (Object.values(cells).every((v) => String(v).trim() === '')) return;
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

const ledgerRouter = router({
  template: staff.query(async () => ({
    fileName: 'hardship-ledger-template.xlsx',
    base64: await xlsxBase64((wb) => {
      const ws = wb.addWorksheet('台账');
      ws.addRow(ledgerColumns.map((c) => c.zh));
      ws.getRow(1).font = { bold: true };
      ws.columns.forEach((c) => (c.width = 18));
      const notes = wb.addWorksheet('说明');
      for (const c of ledgerColumns) notes.addRow([c.zh, c.en, c.required ? '必填' : '选填']);
      notes.addRow(['金额以元为单位，最多两位小数；身份证号须为18位且校验位正确。']);
    }),
  })),

  /**
   * Imports a ledger as draft files. Every row is validated first (with its Excel row number);
   * `allOrNothing` writes nothing when any row fails, `validRows` writes the rest and returns an
   * error report workbook.
   */
  import: staff
    .input(z.object({ fileBase64: z.string().min(1).max(MAX_XLSX_BASE64), mode: z.enum(['allOrNothing', 'validRows']) }))
    .mutation(async ({ ctx, input }) => {
      const r = repo(ctx);
      const rows = await readLedger(input.fileBase64);
      if (rows.length === 0) throw invalid({ zh: 'Excel 文件中没有数据行', en: 'The workbook has no data rows' }, { field: 'fileBase64' });
      if (rows.length > 20_000) throw invalid({ zh: '单次最多导入 20,000 行', en: 'At most 20,000 rows per import' }, { field: 'fileBase64' });
      const units = await ctx.deps.units.list(ctx.scope, {}, { limit: 200 });
      const unitsByName = new Map<string, string>();
      let page = units;
      for (;;) {
        for (const u of page.items) unitsByName.set(u.name, u.unitId);
        if (!page.nextCursor) break;
        page = await ctx.deps.units.list(ctx.scope, {}, { cursor: page.nextCursor, limit: 200 });
      }
      const now = ctx.deps.clock.now();
      const errors: LedgerError[] = [];
      const valid: (LedgerRow & { idIndex: string })[] = [];
      const seen = new Map<string, number>();
      for (const { row, cells } of rows) {
        const v = validateLedgerRow(row, cells, unitsByName, now);
        if (!v.ok) {
          errors.push(...v.errors);
          continue;
        }
        const idIndex = indexes(ctx, v.value.idNumber).idIndex;
        const first = seen.get(idIndex);
        if (first) {
          errors.push({ row, field: 'idNumber', message: `第${row}行：身份证号与第${first}行重复（一户一档）`, messageEn: `Row ${row}: same ID number as row ${first}` });
          continue;
        }
        seen.set(idIndex, row);
        valid.push({ ...v.value, idIndex });
      }
      const existing = await r.openFileIndexes(ctx.scope.tenantId, valid.map((v) => v.idIndex));
      const toWrite = valid.filter((v) => {
        if (!existing.has(v.idIndex)) return true;
        errors.push({ row: v.row, field: 'idNumber', message: `第${v.row}行：该职工在本会已有未注销的困难档案`, messageEn: `Row ${v.row}: this worker already has an open file` });
        return false;
      });
      errors.sort((a, b) => a.row - b.row);
      if (errors.length && input.mode === 'allOrNothing') return { total: rows.length, imported: 0, written: false, errors };

      const rules = await r.rules(ctx.scope, thisYear(ctx));
      const on = today(ctx);
      let imported = 0;
      const batches: (typeof toWrite)[] = [];
      for (let i = 0; i < toWrite.length; i += IMPORT_BATCH) batches.push(toWrite.slice(i, i + IMPORT_BATCH));
      const runBatch = async (batch: typeof toWrite) => {
        const uow = new UnitOfWork(ctx.deps.table, { scope: ctx.scope, correlationId: ctx.correlationId, now: ctx.deps.clock.now() });
        for (const v of batch) {
          const { file } = await buildFile(
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
          r.addFile(uow, file);
        }
        uow.emit({ type: 'hardship.ledger.imported', data: { files: batch.length } });
        uow.audit({ action: 'hardship.ledger.import', entityType: 'hardship.file', entityId: `import#${ctx.correlationId}`, summary: `台账导入 ${batch.length} 户（第${batch[0]!.row}–${batch[batch.length - 1]!.row}行）` });
        try {
          await uow.commit();
          imported += batch.length;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          for (const v of batch) errors.push({ row: v.row, field: 'idNumber', message: `第${v.row}行所在批次未导入：${e.text.zh}`, messageEn: `Row ${v.row}: its batch was not imported: ${e.text.en}` });
        }
      };
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(IMPORT_PARALLEL, batches.length) }, async () => {
        while (next < batches.length) await runBatch(batches[next++]!);
      }));
      errors.sort((a, b) => a.row - b.row);
      const errorReport = errors.length
        ? await xlsxBase64((wb) => {
            const ws = wb.addWorksheet('错误报告');
            ws.addRow(['行号', '字段', '错误', 'Error']);
            for (const e of errors) ws.addRow([e.row, ledgerColumns.find((c) => c.key === e.field)?.zh ?? e.field, e.message, e.messageEn]);
          })
        : undefined;
      return { total: rows.length, imported, written: imported > 0, errors, errorReport };
    }),

  /** Files (masked ID) and grants as one workbook, for the federation's own records. */
  export: staff.input(z.object({ year }).optional()).query(async ({ ctx, input }) => {
    const r = repo(ctx);
    const [files, grants] = await Promise.all([r.allFiles(ctx.scope), r.allGrants(ctx.scope)]);
    const names = new Map(files.map((f) => [f.fileId, f.worker.name]));
    const base64 = await xlsxBase64((wb) => {
      const fs = wb.addWorksheet('困难档案');
      fs.addRow(['档案编号', '姓名', '身份证号（脱敏）', '困难类别', '状态', '家庭人口', '提交日期', '建档日期', '脱困日期']);
      for (const f of files) fs.addRow([f.fileId, f.worker.name, f.worker.idMasked, tierLabels[f.tier].zh, f.status, f.householdSize, f.submittedOn ?? '', f.approvedOn ?? '', f.exitedOn ?? '']);
      const gs = wb.addWorksheet('帮扶发放');
      gs.addRow(['发放编号', '档案编号', '姓名', '年度', '帮扶类别', '金额（元）', '资金来源', '发放日期', '收款账号（脱敏）']);
      for (const g of grants) {
        if (input?.year && g.year !== input.year) continue;
        gs.addRow([g.grantId, g.fileId, names.get(g.fileId) ?? '', g.year, aidKindLabels[g.kind].zh, g.amountFen / 100, g.fundSource, g.grantedOn, g.bankAccountMasked ?? '']);
      }
    });
    await write(ctx, (uow) => {
      uow.audit({ action: 'hardship.ledger.export', entityType: 'hardship.file', entityId: 'export', summary: `导出困难档案 ${files.length} 份、发放记录 ${grants.length} 条` });
    });
    return { fileName: `hardship-${today(ctx)}.xlsx`, base64 };
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
          changes: { dibaoMonthlyFen: { from: current.dibaoMonthlyFen, to: pack.dibaoMonthlyFen }, relativeMultiplier: { from: current.relativeMultiplier, to: pack.relativeMultiplier } },
        });
        return pack;
      });
    }),
  }),

  /** Public self-test: the same rule code the caseworkers use. Nothing is stored or logged. */
  selfTest: publicProcedure
    .input(z.object({ tenantId: z.string().min(2).max(12), year: year.optional(), ...figuresInput, migrantMonths: z.number().int().min(0).max(600).optional(), excludedSchooling: z.boolean().optional() }))
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
      if (ctx.scope.unitId && ctx.scope.unitId !== input.unitId) throw notFound('基层工会');
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
      const [rules, grants, details, findings] = await Promise.all([
        r.rules(ctx.scope, thisYear(ctx)),
        r.grantsOfFile(ctx.scope, file.fileId),
        decryptJson<HouseholdDetails>(ctx, file.householdEncrypted, 'hardship.household'),
        file.findingsEncrypted ? ctx.deps.cipher.decrypt(file.findingsEncrypted, { tenantId: ctx.scope.tenantId, field: 'hardship.findings' }) : undefined,
      ]);
      const dup = ctx.scope.unitId ? new Map<string, number>() : await r.otherTenantsAiding(province(ctx.scope), thisYear(ctx), ctx.scope.tenantId, [file.provinceIndex]);
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
        const [page, rules] = await Promise.all([r.listFiles(ctx.scope, { status: input?.status, unitId: input?.unitId }, { cursor: input?.cursor, limit: input?.limit }), r.rules(ctx.scope, thisYear(ctx))]);
        const on = today(ctx);
        return { items: page.items.map((f) => fileSummary(f, on)), nextCursor: page.nextCursor };
      }),

    /** The caseworker queue: files in progress, the most urgent clock first, overdue flagged. */
    queue: staff.query(async ({ ctx }) => {
      const r = repo(ctx);
      const [files, rules] = await Promise.all([r.allFiles(ctx.scope), r.rules(ctx.scope, thisYear(ctx))]);
      const on = today(ctx);
      const due = (f: HardshipFile) => (f.status === 'submitted' ? f.investigationDueOn : f.status === 'noticed' ? f.noticeEndsOn : f.updatedAt.slice(0, 10)) ?? '9999-12-31';
      return files
        .filter((f) => f.status === 'submitted' || f.status === 'investigated' || f.status === 'noticed')
        .map((f) => ({ ...fileSummary(f, on), dueOn: due(f), overdue: f.status === 'submitted' && due(f) < on, reviewable: f.status === 'noticed' && !!f.noticeEndsOn && f.noticeEndsOn <= on }))
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    }),

    /** Files on record unchanged for a year, and files never assisted (the ACFTU checks). */
    attention: staff.query(async ({ ctx }) => {
      const r = repo(ctx);
      const [files, grants, rules] = await Promise.all([r.allFiles(ctx.scope), r.allGrants(ctx.scope), r.rules(ctx.scope, thisYear(ctx))]);
      const on = today(ctx);
      const assisted = new Set(grants.map((g) => g.fileId));
      const onFile = files.filter((f) => f.status === 'approved');
      const followUps = files.filter((f) => f.status === 'exited' && f.followUpDueOn && f.followUpDueOn <= on);
      return {
        stale: onFile.filter((f) => isStale(f.updatedAt.slice(0, 10), on)).map((f) => fileSummary(f, on)),
        neverAssisted: onFile.filter((f) => !assisted.has(f.fileId)).map((f) => fileSummary(f, on)),
        followUpsDue: followUps.map((f) => fileSummary(f, on)),
      };
    }),

    submit: filers.input(z.object({ fileId: idInput, version })).mutation(({ ctx, input }) =>
      step(ctx, input, 'submit', async (f, on) => {
        const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
        return { submittedBy: ctx.scope.actor.sub, submittedOn: on, investigationDueOn: investigationClock(on, rules.investigationDays, on).dueOn };
      }, { event: 'hardship.file.submitted', auditText: '提交申请' }),
    ),

    investigate: filers
      .input(z.object({ fileId: idInput, version, visitedOn: isoDate, findings: z.string().trim().min(2).max(2000) }))
      .mutation(({ ctx, input }) => {
        if (input.visitedOn > today(ctx)) throw invalid({ zh: '入户调查日期不能晚于今天', en: 'The visit date cannot be in the future' }, { field: 'visitedOn' });
        return step(ctx, input, 'investigate', async () => ({
          visitedOn: input.visitedOn,
          findingsEncrypted: await ctx.deps.cipher.encrypt(input.findings, { tenantId: ctx.scope.tenantId, field: 'hardship.findings' }),
        }), { auditText: '登记入户调查' });
      }),

    publishNotice: staff.input(z.object({ fileId: idInput, version, startsOn: isoDate })).mutation(async ({ ctx, input }) => {
      const file = await repo(ctx).getFile(ctx.scope, input.fileId);
      if (file.visitedOn && input.startsOn < file.visitedOn) throw invalid({ zh: '公示不能早于入户调查', en: 'The notice cannot start before the investigation visit' }, { field: 'startsOn' });
      if (daysBetween(today(ctx), input.startsOn) > 30) throw invalid({ zh: '公示开始日期不能晚于30天后', en: 'The notice must start within 30 days' }, { field: 'startsOn' });
      const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
      return step(ctx, input, 'publishNotice', () => ({ noticeStartsOn: input.startsOn, noticeEndsOn: noticeEndsOn(input.startsOn, rules.noticeDays) }), { auditText: '发布公示' });
    }),

    /** 评议 by staff other than the submitter, after the notice has run its days. */
    review: staff
      .input(z.object({ fileId: idInput, version, decision: z.enum(['approve', 'reject']), reason: z.string().trim().min(2).max(500) }))
      .mutation(async ({ ctx, input }) => {
        const file = await repo(ctx).getFile(ctx.scope, input.fileId);
        assertReviewerIsNotSubmitter(ctx.scope.actor.sub, file.submittedBy);
        assertReviewerIsNotSubmitter(ctx.scope.actor.sub, file.createdBy);
        if (file.status === 'noticed' && file.noticeEndsOn && today(ctx) < file.noticeEndsOn) {
          throw conflict({ zh: `公示期未满，${file.noticeEndsOn} 起可审核`, en: `The notice period runs until ${file.noticeEndsOn}` }, { reason: 'notice_running' });
        }
        if (input.decision === 'approve' && file.tier === 'not_eligible') {
          throw conflict({ zh: '测算结果不符合困难职工条件，不能建档', en: 'The household does not qualify under the rules; it cannot be put on file' });
        }
        return step(ctx, input, input.decision, (_f, on) => (input.decision === 'approve' ? { reviewedBy: ctx.scope.actor.sub, approvedOn: on, lastVerifiedOn: on } : { reviewedBy: ctx.scope.actor.sub }), {
          event: input.decision === 'approve' ? 'hardship.file.approved' : 'hardship.file.rejected',
          // Average days from application to 建档 = daysToApproval ÷ approvals (an anchors §9 indicator).
          metrics: (f, on): Record<string, number> => (input.decision === 'approve' && f.submittedOn ? { 'hardship.approvals': 1, 'hardship.daysToApproval': daysBetween(f.submittedOn, on) } : {}),
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

    exit: staff.input(z.object({ fileId: idInput, version, reason: z.string().trim().min(2).max(500) })).mutation(async ({ ctx, input }) => {
      const rules = await repo(ctx).rules(ctx.scope, thisYear(ctx));
      return step(ctx, input, 'exit', (_f, on) => ({ exitedOn: on, followUpDueOn: addMonths(on, rules.followUpMonths) }), { event: 'hardship.file.exited', auditText: '脱困退出' });
    }),

    reenter: staff.input(z.object({ fileId: idInput, version, reason: z.string().trim().min(2).max(500) })).mutation(({ ctx, input }) =>
      step(ctx, input, 'reenter', (f, on) => ({ reentries: f.reentries + 1, exitedOn: undefined, followUpDueOn: undefined, lastVerifiedOn: on }), { event: 'hardship.file.reentered', auditText: '返困重新建档' }),
    ),

    /** The unmasked ID number or phone, for staff who need it; every read is audit-logged. */
    reveal: staff.input(z.object({ fileId: idInput, field: z.enum(['idNumber', 'phone']) })).mutation(async ({ ctx, input }) => {
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
    list: publicProcedure.input(z.object({ tenantId: z.string().min(2).max(12) })).query(async ({ ctx, input }) => {
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
        note: z.string().trim().max(200).optional(),
        bankAccount: z.string().trim().regex(/^[0-9 ]{10,30}$/, { message: '银行账号应为10–30位数字', params: { en: 'A bank account has 10–30 digits' } } as never).optional(),
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
              metrics: {
                'hardship.aid.grants': 1,
                'hardship.aid.amountFen': grant.amountFen,
                [`hardship.aid.amountFen.${grant.kind}`]: grant.amountFen,
                [`hardship.aid.amountFen.source.${grant.fundSource}`]: grant.amountFen,
              },
            },
          });
          uow.audit({ action: 'hardship.aid.grant', entityType: 'hardship.grant', entityId: grant.grantId, summary: `发放${label.zh} ${grant.amountFen / 100} 元：困难档案 ${file.worker.nameMasked}` });
          return grantView(grant);
        });
        const dup = await r.otherTenantsAiding(province(ctx.scope), y, ctx.scope.tenantId, [file.provinceIndex]);
        return { ...result, duplicate: dup.get(file.provinceIndex) ? { year: y, otherFederations: dup.get(file.provinceIndex)! } : undefined };
      }),

    revealBankAccount: staff.input(z.object({ fileId: idInput, grantId: idInput })).mutation(async ({ ctx, input }) => {
      const grant = (await repo(ctx).grantsOfFile(ctx.scope, input.fileId)).find((g) => g.grantId === input.grantId);
      if (!grant) throw notFound('发放记录');
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
    const rules = await r.rules(ctx.scope, input.year);
    const on = today(ctx);
    return files.filter((f) => flagged.has(f.provinceIndex)).map((f) => ({ ...fileSummary(f, on), otherFederations: flagged.get(f.provinceIndex)! }));
  }),
});
