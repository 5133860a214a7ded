import { DomainError, invalid } from '@ufp/core/errors';
import type { ImportRowError } from '@ufp/core/imports/job';
import type { Lang } from '@ufp/core/spreadsheet/cells';
import { exportWorkbook, noDataRows, readSheet, rowErrorReport, templateWorkbook, xlsxFile, type ExportSheet } from '@ufp/kit/excel';
import { maskName } from '@ufp/core/pii/mask';
import { keys } from '@ufp/db/keys';
import { getItem } from '@ufp/db/query';
import type { IdempotentCall } from '@ufp/kit/idempotency';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { DeputyBody, Education, Occupation, PersonStatus, PoliticalStatus, SkillGrade } from '../domain/enums.js';
import { HonourLevel, sortLadder } from '../domain/ladder.js';
import { honoursInForce, treatmentLevelOn, type Person } from '../domain/person.js';
import { MAX_REGISTRY_ROWS, registryColumns, validateRegistryRow, type RegistryError, type RegistryRow } from '../domain/registry.js';
import type { registryExportInput, registryImportInput, registryTemplateInput } from '../schemas/extras.js';
import { cipherField, decrypt, personIndexes, store, today, type Ctx } from './context.js';
import * as honours from './honours.js';
import * as people from './people.js';

type In<S extends z.ZodType> = z.output<S>;

export async function template(ctx: Ctx, input: In<typeof registryTemplateInput>) {
  const lang = input?.lang ?? 'zh';
  const ladder = sortLadder(await store(ctx).honourTypes()).filter((h) => !h.retired);
  const notes = [
    { zh: '一人一行；同一人有多项荣誉时，每项荣誉一行，姓名与身份证号相同，导入时合并到同一档案。', en: 'One row per person and honour: a person with two honours takes two rows with the same name and ID number, merged into one record.' },
    { zh: `荣誉称号填写荣誉体系中的名称：${ladder.map((h) => h.name.zh).join('、')}。`, en: `Honour: a name from the ladder: ${ladder.map((h) => h.name.en).join(', ')}.` },
    { zh: '身份证号、联系电话两列为“文本”格式，请勿改为数值（18位号码会丢失末几位）。', en: 'The ID number and phone columns are Text: do not change them to Number (an 18-digit number loses its last digits).' },
  ];
  const bytes = await templateWorkbook(lang, { zh: '劳模台账', en: 'Model workers' }, registryColumns, notes);
  return xlsxFile(lang === 'zh' ? '劳模台账模板.xlsx' : 'model-worker-registry-template.xlsx', bytes, 0);
}

/**
 * Imports the registry within the request (scripts, curl and small files; the console runs it as a background job,
 * see registry-job.ts — the same check and the same row writes, so both answer the same rows the same way): pass 1
 * reads and checks every row (row numbers as in Excel), pass 2 writes each valid row with the same commands as the
 * forms (a new record, or an honour added to the record the ID number already has). A row whose honour is already
 * recorded is skipped, so re-importing the same file changes nothing. The answer lists each written row (Excel row,
 * masked name, what it did) for the page.
 */
export async function importRegistry(ctx: Ctx, input: In<typeof registryImportInput>) {
  const bytes = Buffer.from(input.fileBase64, 'base64');
  const { total, errors, badRows } = (await checkRegistry(ctx, bytes))!;
  if (errors.length && input.mode === 'allOrNothing') return { total, created: 0, honoursAdded: 0, skipped: 0, errors, rows: [] as ImportedRow[] };
  const written = await writeRegistry(ctx, bytes, { badRows });
  errors.push(...written.errors);
  errors.sort((a, b) => a.row - b.row);
  return { total, created: written.created, honoursAdded: written.honoursAdded, skipped: written.skipped, errors, rows: written.rows };
}

const tooManyRows = () => invalid({ zh: `单次最多导入 ${MAX_REGISTRY_ROWS} 行`, en: `At most ${MAX_REGISTRY_ROWS} rows per import` }, { field: 'fileBase64' });

/** What the registry's check and writes are given: a procedure's context, or the one the import consumer builds. */
type WithDeps = Pick<Ctx, 'deps'>;

/**
 * Pass 1: reads every row and checks it against the ladder in force (row numbers as in Excel). More than
 * MAX_REGISTRY_ROWS rows, an empty sheet or a file that is not a workbook is refused (a DomainError: a 400 in the
 * request, a failed job in the background). `progress` is told the rows read; when it answers true (the job was
 * cancelled) the check stops and answers undefined.
 */
export async function checkRegistry(ctx: WithDeps, bytes: Uint8Array, progress: (rowsRead: number) => Promise<boolean> = async () => false) {
  const ladder = await store(ctx).honourTypes();
  const now = ctx.deps.clock.now();
  const errors: RegistryError[] = [];
  const badRows = new Set<number>();
  let total = 0;
  for await (const read of readSheet(bytes, registryColumns)) {
    if (++total > MAX_REGISTRY_ROWS) throw tooManyRows();
    if (await progress(total)) return undefined;
    const v = validateRegistryRow(read, ladder, now);
    if (v.ok) continue;
    errors.push(...v.errors);
    badRows.add(read.row);
  }
  if (total === 0) throw noDataRows();
  return { total, valid: total - badRows.size, errors, badRows };
}

/** Rows written between two looks at `stop` (the job's progress stamp and its cancel check). */
const WRITE_BATCH = 20;

export interface RegistryWriteOptions {
  /** Rows the check refused (not written). */
  badRows: ReadonlySet<number>;
  /** Rows up to this Excel row number are done already. */
  after?: number;
  /** Stop once this many rows are handled. */
  maxRows?: number;
  /** Told the rows handled so far every WRITE_BATCH rows: true ends the pass there. */
  stop?: (handled: number) => Promise<boolean>;
  /** The import job writing: each row's writes are marked with it, so a step run again knows the rows it wrote. */
  jobId?: string;
}

/**
 * Pass 2: streams the sheet again and writes the rows the check passed after `after`, one at a time through
 * `writeRow` (the rows of one person follow each other: the second finds the record the first made), until the sheet
 * ends, `maxRows` rows are handled or `stop` says so. A row is `written` when it created a record or added an honour,
 * `skipped` when everything in it was recorded already; a row the store refuses (a revoked title …) is an error.
 */
export async function writeRegistry(ctx: Ctx, bytes: Uint8Array, opts: RegistryWriteOptions) {
  const ladder = await store(ctx).honourTypes();
  const now = ctx.deps.clock.now();
  const errors: RegistryError[] = [];
  const rows: ImportedRow[] = [];
  let created = 0;
  let honoursAdded = 0;
  let written = 0;
  let skipped = 0;
  let cursor = opts.after ?? 0;
  let handled = 0;
  let ended = true;
  for await (const read of readSheet(bytes, registryColumns)) {
    if (read.row <= cursor || opts.badRows.has(read.row)) continue;
    if (handled > 0 && (handled >= (opts.maxRows ?? Infinity) || (handled % WRITE_BATCH === 0 && (await opts.stop?.(handled))))) {
      ended = false;
      break;
    }
    handled++;
    cursor = read.row;
    // The same bytes as the check; only a ladder changed since then can refuse the row now.
    const v = validateRegistryRow(read, ladder, now);
    if (!v.ok) {
      errors.push(...v.errors);
      continue;
    }
    const row = v.value;
    try {
      const r = await writeRow(ctx, row, opts.jobId);
      created += r.created ? 1 : 0;
      honoursAdded += r.honourAdded ? 1 : 0;
      if (r.created || r.honourAdded) written++;
      else skipped++;
      rows.push({ row: row.row, personId: r.personId, nameMasked: maskName(row.name), outcome: r.created ? 'created' : r.honourAdded ? 'honourAdded' : 'skipped' });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors.push({ row: row.row, field: 'idNumber', message: `第${row.row}行未导入：${e.text.zh}`, messageEn: `Row ${row.row} was not imported: ${e.text.en}` });
    }
  }
  return { created, honoursAdded, written, skipped, errors, rows, cursor, ended };
}

/** A written row of an import, for the page to list (masked name, no ID). */
interface ImportedRow {
  row: number;
  personId: string;
  nameMasked: string;
  outcome: 'created' | 'honourAdded' | 'skipped';
}

/**
 * The mark an import job leaves on a row's write: an idempotency entry (`write()` stores it in the same transaction as
 * the record or the honour), keyed by the job, the row and the write. A step run again after dying part-way finds the
 * record or honour in place and, by this mark, knows it wrote it itself (written, not skipped); without the mark it
 * was there before (skipped). The `#` keeps these keys apart from any client's Idempotency-Key.
 */
const rowWrite = (ctx: Ctx, jobId: string, row: number, part: 'person' | 'honour'): IdempotentCall => ({
  tenantId: ctx.scope.tenantId,
  key: `import#${jobId}#${row}#${part}`,
  actor: ctx.scope.actor.sub,
  procedure: 'modelWorkers.registry.importJobs',
  inputHash: `${jobId}#${row}#${part}`,
});
const markedBy = (ctx: Ctx, jobId: string | undefined, row: number, part: 'person' | 'honour'): Ctx => (jobId ? { ...ctx, idempotency: rowWrite(ctx, jobId, row, part) } : ctx);
const wroteBefore = async (ctx: Ctx, jobId: string | undefined, row: number, part: 'person' | 'honour') =>
  !!jobId && !!(await getItem(ctx.deps.table, keys.idempotency(ctx.scope.tenantId, rowWrite(ctx, jobId, row, part).key)));

/**
 * One row: the person's record (found by the ID number's blind index, or created), then the honour unless the record
 * has it already (same code and year). Never a second record nor a second honour: the record's guard and the
 * honour's check refuse a repeat. `created` / `honourAdded` say what this row did — for a job, counting what an
 * earlier attempt of the same step wrote for it.
 */
async function writeRow(ctx: Ctx, row: RegistryRow, jobId?: string): Promise<{ personId: string; created: boolean; honourAdded: boolean }> {
  const existing = await store(ctx).personIdByIndex(ctx.scope.tenantId, personIndexes(ctx, row.idNumber).idIndex);
  const personId =
    existing ??
    (
      await people.create(markedBy(ctx, jobId, row.row, 'person'), {
        idNumber: row.idNumber,
        name: row.name,
        ethnicity: row.ethnicity,
        politicalStatus: row.politicalStatus,
        education: row.education,
        occupation: row.occupation,
        migrantWorker: row.migrantWorker,
        skillGrade: row.skillGrade,
        trade: row.trade,
        employers: row.employer ? [{ employer: row.employer, from: `${row.honour?.year ?? 2000}-01-01` }] : [],
        phone: row.phone,
        deputies: [],
      })
    ).personId;
  const created = !existing || (await wroteBefore(ctx, jobId, row.row, 'person'));
  if (!row.honour) return { personId, created, honourAdded: false };
  const person = await store(ctx).getPerson(ctx.scope, personId);
  if (person.honours.some((h) => h.code === row.honour!.type.code && h.year === row.honour!.year)) {
    return { personId, created, honourAdded: await wroteBefore(ctx, jobId, row.row, 'honour') };
  }
  await honours.award(markedBy(ctx, jobId, row.row, 'honour'), { personId, code: row.honour.type.code, year: row.honour.year, conferredBy: row.honour.conferredBy, certificateNo: row.honour.certificateNo });
  return { personId, created, honourAdded: true };
}

/** The import's row errors as a workbook in the job's language (every error, not only the first ones on the page). */
export const errorReport = (errors: readonly ImportRowError[], lang: Lang) =>
  rowErrorReport(errors, lang, registryColumns, { zh: '劳模台账导入错误报告.xlsx', en: 'model-worker-registry-import-errors.xlsx' });

type PersonRowOut = Person & { idShown: string };

const registrySheet = (on: string): ExportSheet<PersonRowOut & { honour?: Person['honours'][number] }>['columns'] => [
  { zh: '姓名', en: 'Name', kind: 'text', width: 10, value: (p) => p.name },
  { zh: '身份证号', en: 'ID number', kind: 'text', width: 22, value: (p) => p.idShown },
  { zh: '性别', en: 'Gender', kind: 'label', labels: { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } }, value: (p) => p.gender },
  { zh: '出生日期', en: 'Born', kind: 'date', value: (p) => p.birthDate },
  { zh: '民族', en: 'Ethnic group', kind: 'text', value: (p) => p.ethnicity },
  { zh: '政治面貌', en: 'Political status', kind: 'label', labels: PoliticalStatus.labels, value: (p) => p.politicalStatus },
  { zh: '学历', en: 'Education', kind: 'label', labels: Education.labels, value: (p) => p.education },
  { zh: '人员类别', en: 'Category', kind: 'label', labels: Occupation.labels, value: (p) => p.occupation },
  { zh: '职业技能等级', en: 'Skill grade', kind: 'label', labels: SkillGrade.labels, value: (p) => p.skillGrade },
  { zh: '工作单位', en: 'Employer', kind: 'text', width: 24, value: (p) => p.employers.find((e) => !e.to)?.employer ?? p.employers.at(-1)?.employer },
  { zh: '状态', en: 'Status', kind: 'label', labels: PersonStatus.labels, value: (p) => p.status },
  { zh: '人大代表/政协委员', en: 'Deputy', kind: 'text', value: (p) => p.deputies.map((d) => `${HonourLevel.labels[d.level].zh}${DeputyBody.labels[d.body].zh}（${d.term}）`).join('；') },
  { zh: '荣誉称号', en: 'Honour', kind: 'text', width: 18, value: (p) => p.honour?.title.zh },
  { zh: '荣誉级别', en: 'Level', kind: 'label', labels: HonourLevel.labels, value: (p) => p.honour?.level },
  { zh: '授予年度', en: 'Year', kind: 'integer', value: (p) => p.honour?.year },
  { zh: '授予机关', en: 'Conferring body', kind: 'text', width: 20, value: (p) => p.honour?.conferredBy },
  { zh: '证书编号', en: 'Certificate', kind: 'text', value: (p) => p.honour?.certificateNo },
  { zh: '撤销日期', en: 'Revoked on', kind: 'date', value: (p) => p.honour?.revoked?.on },
  { zh: '享受待遇', en: 'Treatment', kind: 'label', labels: HonourLevel.labels, value: (p) => (p.honour ? treatmentLevelOn(p, on) : undefined) },
];

const greetingSheet: ExportSheet<PersonRowOut & { level: string }>['columns'] = [
  { zh: '姓名', en: 'Name', kind: 'text', width: 10, value: (p) => p.name },
  { zh: '待遇级别', en: 'Treatment', kind: 'label', labels: HonourLevel.labels, value: (p) => p.level },
  { zh: '状态', en: 'Status', kind: 'label', labels: PersonStatus.labels, value: (p) => p.status },
  { zh: '工作单位', en: 'Employer', kind: 'text', width: 24, value: (p) => p.employers.find((e) => !e.to)?.employer ?? p.employers.at(-1)?.employer },
  { zh: '联系电话', en: 'Phone', kind: 'text', width: 14, value: (p) => p.phoneMasked },
];

/**
 * The registry for the 全总 劳模管理系统 (one row per person and honour) and the 慰问 list (people with a treatment in
 * force, living). ID numbers are masked unless `unmasked` is asked for; an unmasked export is an audited read of every
 * ID number in it.
 */
export async function exportRegistry(ctx: Ctx, input: In<typeof registryExportInput>) {
  const lang = input?.lang ?? 'zh';
  const on = today(ctx);
  const all = await store(ctx).allPeople(ctx.scope);
  const shown: PersonRowOut[] = await Promise.all(all.map(async (p) => ({ ...p, idShown: input?.unmasked ? await decrypt(ctx, p.idEncrypted, cipherField.idNumber) : p.idMasked })));
  const rows: (PersonRowOut & { honour?: Person['honours'][number] })[] = shown.flatMap((p) => (p.honours.length ? p.honours.map((honour) => ({ ...p, honour })) : [p]));
  const greeting = shown.flatMap((p) => {
    const level = treatmentLevelOn(p, on);
    return level && honoursInForce(p, on).length ? [{ ...p, level }] : [];
  });
  const { bytes, rows: written } = await exportWorkbook(lang, [
    { name: { zh: '劳模台账', en: 'Model workers' }, columns: registrySheet(on), rows },
    { name: { zh: '慰问名单', en: 'Greeting list' }, columns: greetingSheet, rows: greeting },
  ]);
  await write(ctx, (uow) => {
    uow.audit({
      action: input?.unmasked ? 'pii.export' : 'modelWorkers.registry.export',
      entityType: 'modelWorkers.person',
      entityId: 'export',
      summary: `导出劳模台账 ${all.length} 人、慰问名单 ${greeting.length} 人${input?.unmasked ? '（含身份证号明文）' : ''}`,
      ...(input?.unmasked ? { fields: ['idNumber'] } : {}),
    });
  });
  return xlsxFile(lang === 'zh' ? `劳模台账-${on}.xlsx` : `model-workers-${on}.xlsx`, bytes, written);
}
