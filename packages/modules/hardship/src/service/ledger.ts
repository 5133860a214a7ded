import { createHash } from 'node:crypto';
import { DomainError } from '@ufp/core/errors';
import { importedRowId, type ImportRowError } from '@ufp/core/imports/job';
import type { CursorCodec } from '@ufp/db/cursor';
import { UnitRepository } from '@ufp/db/repositories/units';
import type { Table } from '@ufp/db/table';
import type { Lang } from '@ufp/core/spreadsheet/cells';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { exportWorkbook, noDataRows, readSheet, rowErrorReport, templateWorkbook, xlsxFile, type ExportSheet } from '@ufp/kit/excel';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import type { Grant, HardshipFile } from '../domain/file.js';
import { assertLedgerRowCount, duplicateRowError, ledgerColumns, notImportedRowError, openFileRowError, validateLedgerRow, type LedgerError, type LedgerRow } from '../domain/ledger.js';
import { aidKindLabels, fundSourceLabels, type HardshipRulePack } from '../domain/rules.js';
import { tierLabels } from '../domain/tier.js';
import { fileStatusLabels } from '../domain/workflow.js';
import { ledgerImported } from '../events.js';
import type { exportInput, ImportInput, templateInput } from '../schemas.js';
import { store, thisYear, today, type Ctx } from './context.js';
import { buildFile, indexes, type PiiCtx } from './pii.js';

const IMPORT_BATCH = 49; // 2 items per file + 1 event + 1 audit = 100, the transaction limit
const IMPORT_PARALLEL = 2; // DynamoDB Local serialises writes: more parallel batches only add contention
const LOOKUP_PARALLEL = 4; // open-file look-ups (BatchGet of 100) in flight while the sheet streams
/** Row errors returned inline (the console lists 200); every one is in the error report workbook. */
const MAX_INLINE_ERRORS = 1_000;

/** The import template: identifier columns formatted as Text, a note sheet per column. */
export async function template(input: z.output<typeof templateInput>) {
  const lang = input?.lang ?? 'zh';
  const notes = [
    { zh: '身份证号、联系电话两列已设为“文本”格式，直接输入即可。请勿改为“常规”或“数值”：表格程序会把18位号码存成只有15位有效数字的数字，末几位将丢失，导入时该行会被拒绝。', en: 'The ID number and phone columns are formatted as Text: type the numbers as they are. Do not change them to General or Number: a spreadsheet stores an 18-digit number with 15 significant digits, the last digits are lost, and the import refuses such rows.' },
    { zh: '从其他表格复制号码时，请使用“选择性粘贴→文本/值”，或在号码前加英文单引号 \'。', en: "When copying numbers from another sheet, paste as text or values, or type an apostrophe ' before the number." },
    { zh: '金额以元为单位，最多两位小数；第一行为表头，请勿修改。', en: 'Amounts are in yuan with at most two decimals; row 1 is the header, keep it as it is.' },
  ];
  const bytes = await templateWorkbook(lang, { zh: '台账', en: 'Ledger' }, ledgerColumns, notes);
  return xlsxFile(lang === 'zh' ? '困难职工台账模板.xlsx' : 'hardship-ledger-template.xlsx', bytes, 0);
}

/**
 * Imports a ledger as draft files within the request (scripts and small files; the console runs imports as background
 * jobs, see ledger-job.ts): pass 1 reads every row and validates it, pass 2 writes. `allOrNothing` writes nothing when
 * any row fails; `validRows` writes the rest. Either way the errors come back with an error report workbook. Rows are
 * keyed by the file's hash and their row number, so importing the same file again writes nothing twice.
 */
export async function importLedger(ctx: Ctx, input: ImportInput) {
  const bytes = input.file ? new Uint8Array(await input.file.arrayBuffer()) : Buffer.from(input.fileBase64!, 'base64');
  const ledger = await openLedger(ctx, bytes);
  const { total, errors, badRows } = (await checkLedger(ledger))!;
  if (total === 0) throw noDataRows();
  const written = errors.length && input.mode === 'allOrNothing' ? { written: 0, skipped: 0 } : await writeLedger(ledger, { badRows, errors });
  errors.sort((a, b) => a.row - b.row);
  return {
    total,
    imported: written.written,
    skipped: written.skipped,
    written: written.written > 0,
    errors: errors.slice(0, MAX_INLINE_ERRORS),
    errorRows: new Set(errors.map((e) => e.row)).size,
    errorCount: errors.length,
    errorReport: errors.length ? await errorReport(errors, input.lang ?? 'zh') : undefined,
  };
}

/** Files (masked ID) and grants as one workbook, for the federation's own records; the export is audit-logged. */
export async function exportLedger(ctx: Ctx, input: z.output<typeof exportInput>) {
  const lang = input?.lang ?? 'zh';
  const [files, grants] = await Promise.all([store(ctx).allFiles(ctx.scope), store(ctx).allGrants(ctx.scope)]);
  const names = new Map(files.map((f) => [f.fileId, f.worker.name]));
  const { bytes, rows } = await exportWorkbook(lang, [
    { name: { zh: '困难档案', en: 'Hardship files' }, columns: fileSheet, rows: files },
    { name: { zh: '帮扶发放', en: 'Aid grants' }, columns: grantSheet(names), rows: grants.filter((g) => !input?.year || g.year === input.year) },
  ]);
  await write(ctx, (uow) => {
    uow.audit({ action: 'hardship.ledger.export', entityType: 'hardship.file', entityId: 'export', summary: `导出困难档案 ${files.length} 份、发放记录 ${grants.length} 条` });
  });
  return xlsxFile(`hardship-${today(ctx)}.xlsx`, bytes, rows);
}

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

/** What the ledger's check and writes need: a procedure's context has it, and so does the import consumer. */
export type LedgerCtx = PiiCtx & { deps: PiiCtx['deps'] & { table: Table; cursors: CursorCodec }; correlationId: string };

/** One workbook being imported: its bytes and hash, the tenant's units by name, the moment of the import. */
export interface OpenLedger {
  ctx: LedgerCtx;
  bytes: Uint8Array;
  fileHash: string;
  units: Map<string, string>;
  now: Date;
}

export async function openLedger(ctx: LedgerCtx, bytes: Uint8Array, fileHash = createHash('sha256').update(bytes).digest('hex')): Promise<OpenLedger> {
  const units = await new UnitRepository(ctx.deps.table, ctx.deps.cursors).all(ctx.scope);
  return { ctx, bytes, fileHash, units: new Map(units.map((u) => [u.name, u.unitId])), now: ctx.deps.clock.now() };
}

/** The draft file a ledger row becomes: the same id whenever the same file is imported. */
export const ledgerFileId = (fileHash: string, row: number) => importedRowId('led', fileHash, row);

/**
 * Pass 1: validates every row as it streams by, keeping only each person's first row (by blind index, for in-file
 * duplicates), the rows in error, and the errors. Whether a person already holds an open file is looked up 100 at a
 * time while the sheet streams; an open file this very file's row made (an earlier import of it) is not an error,
 * the write skips it. `progress` is told the rows read every so often; when it answers true, the check stops
 * (undefined).
 */
export async function checkLedger(ledger: OpenLedger, progress: (rowsRead: number) => Promise<boolean> = async () => false) {
  const { ctx } = ledger;
  const errors: LedgerError[] = [];
  const badRows = new Set<number>();
  const firstRowOf = new Map<string, number>();
  const lookups = batchRunner<{ idIndex: string; row: number }>(100, LOOKUP_PARALLEL, async (batch) => {
    const open = await store(ctx).openFiles(ctx.scope.tenantId, batch.map((b) => b.idIndex));
    for (const b of batch) {
      const fileId = open.get(b.idIndex);
      if (fileId === undefined || fileId === ledgerFileId(ledger.fileHash, b.row)) continue;
      badRows.add(b.row);
      errors.push(openFileRowError(b.row));
    }
  });
  let total = 0;
  for await (const read of readSheet(ledger.bytes, ledgerColumns)) {
    const { row } = read;
    assertLedgerRowCount(++total);
    if (await progress(total)) {
      await lookups.end();
      return undefined;
    }
    const v = validateLedgerRow(read, ledger.units, ledger.now);
    if (!v.ok) {
      errors.push(...v.errors);
      badRows.add(row);
      continue;
    }
    const idIndex = indexes(ctx, v.value.idNumber).idIndex;
    const first = firstRowOf.get(idIndex);
    if (first) {
      errors.push(duplicateRowError(row, first));
      badRows.add(row);
      continue;
    }
    firstRowOf.set(idIndex, row);
    await lookups.add({ idIndex, row });
  }
  await lookups.end();
  return { total, errors, badRows, valid: total - badRows.size };
}

/** A validated ledger row as a new draft file (the same `buildFile` as a single application). */
function ledgerFile(ctx: LedgerCtx, v: LedgerRow, rules: HardshipRulePack, on: string, fileId: string) {
  return buildFile(
    ctx,
    {
      unitId: v.unitId,
      fileId,
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
 * Writes one batch of files in one transaction: each file with its open-file guard (a person imported or filed
 * meanwhile fails the guard's condition, a row written before fails the file's), one event and one audit entry. A unit
 * of work per batch, not `write()`: an import is many transactions, and its answer (the row report) is not an
 * idempotent replay of any one of them.
 */
async function commitLedgerBatch(ctx: LedgerCtx, rows: LedgerRow[], files: HardshipFile[]): Promise<void> {
  const uow = new UnitOfWork(ctx.deps.table, { scope: ctx.scope, correlationId: ctx.correlationId, now: ctx.deps.clock.now() });
  for (const f of files) store(ctx).addFile(uow, f);
  uow.emit(ledgerImported.create({ files: files.length }));
  uow.audit({ action: 'hardship.ledger.import', entityType: 'hardship.file', entityId: `import#${ctx.correlationId}`, summary: `台账导入 ${files.length} 户（第${rows[0]!.row}–${rows[rows.length - 1]!.row}行）` });
  await uow.commit();
}

/** A batch whose transaction was refused, retried row by row so that only the conflicting rows fail. */
async function writeRowByRow(ctx: LedgerCtx, rows: LedgerRow[], files: HardshipFile[], errors: LedgerError[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i++) {
    try {
      await commitLedgerBatch(ctx, [rows[i]!], [files[i]!]);
      written++;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors.push(notImportedRowError(rows[i]!.row, e.text));
    }
  }
  return written;
}

export interface LedgerWriteOptions {
  badRows: ReadonlySet<number>;
  errors: LedgerError[];
  /** The job writing (its files carry its id, so a retried step knows its own rows). */
  jobId?: string;
  /** Rows up to this Excel row number are done already. */
  after?: number;
  /** Stop after this many valid rows (at a batch boundary). */
  maxRows?: number;
  /** Told the valid rows handled so far at each batch boundary: true ends the pass there. */
  stop?: (handled: number) => Promise<boolean>;
}

/**
 * Pass 2: streams the sheet again and writes the rows pass 1 passed after `after`, in bounded batches, until the
 * sheet ends, `maxRows` valid rows are handled or `stop` says so. A row whose file exists already is not written again:
 * it counts as written when this job wrote it (an earlier attempt of the same step), as skipped otherwise (an earlier
 * import of the same file).
 */
export async function writeLedger(ledger: OpenLedger, opts: LedgerWriteOptions) {
  const { ctx } = ledger;
  const rules = await store(ctx).rules(ctx.scope, thisYear(ctx));
  const on = today(ctx);
  let written = 0;
  let skipped = 0;
  const writes = batchRunner<LedgerRow>(IMPORT_BATCH, IMPORT_PARALLEL, async (batch) => {
    const ids = batch.map((v) => ledgerFileId(ledger.fileHash, v.row));
    const files = await Promise.all(
      batch.map(async (v, i) => {
        const { file } = await ledgerFile(ctx, v, rules, on, ids[i]!);
        // listed as "imported on … by …" (`createdBy`)
        return { ...file, importedAt: file.createdAt, ...(opts.jobId ? { importJobId: opts.jobId } : {}) };
      }),
    );
    try {
      await commitLedgerBatch(ctx, batch, files);
      written += batch.length;
      return;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
    }
    // Refused: some rows may be written already (this step's earlier attempt, or an earlier import of the same file).
    const existing = await store(ctx).existingFiles(ctx.scope.tenantId, ids);
    const fresh = batch.map((_, i) => i).filter((i) => !existing.has(ids[i]!));
    for (const id of ids.filter((id) => existing.has(id))) {
      if (opts.jobId && existing.get(id) === opts.jobId) written++;
      else skipped++;
    }
    const count = await writeRowByRow(ctx, fresh.map((i) => batch[i]!), fresh.map((i) => files[i]!), opts.errors);
    written += count; // not `written += await …`: that reads `written` before the await and loses a parallel batch's count
  });
  let cursor = opts.after ?? 0;
  let handled = 0;
  let ended = true;
  for await (const read of readSheet(ledger.bytes, ledgerColumns)) {
    if (read.row <= cursor || opts.badRows.has(read.row)) continue;
    if (handled > 0 && handled % IMPORT_BATCH === 0 && (handled >= (opts.maxRows ?? Infinity) || (await opts.stop?.(handled)))) {
      ended = false;
      break;
    }
    const v = validateLedgerRow(read, ledger.units, ledger.now); // the same bytes and rules as pass 1: valid
    if (!v.ok) continue;
    await writes.add(v.value);
    handled++;
    cursor = read.row;
  }
  await writes.end();
  return { written, skipped, cursor, ended };
}

/** The import's row errors as a workbook in the user's language (every error, not only the inline ones). */
export const errorReport = (errors: readonly ImportRowError[], lang: Lang) =>
  rowErrorReport(errors, lang, ledgerColumns, { zh: '台账导入错误报告.xlsx', en: 'hardship-import-errors.xlsx' });

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
