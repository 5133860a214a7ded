import { rowError, type RowError, type RowRead, type SheetColumn } from '@ufp/core/spreadsheet/sheet';
import { parseIdNumber, parsePhone } from '@ufp/core/validation/identifiers';
import { Education, Occupation, PoliticalStatus, SkillGrade } from './enums.js';
import type { HonourType } from './ladder.js';

/**
 * The 劳模 registry (台账) as federations keep it in Excel, with the fields of the national 劳模管理系统: one row per
 * person and honour (a person with two honours takes two rows; the second adds the honour to the same record).
 */
const yesNo = { yes: { zh: '是', en: 'Yes' }, no: { zh: '否', en: 'No' } } as const;

export const registryColumns = [
  { key: 'name', zh: '姓名', en: 'Name', kind: 'text', required: true, maxLength: 30 },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', kind: 'identifier', required: true },
  { key: 'ethnicity', zh: '民族', en: 'Ethnic group', kind: 'text', maxLength: 20 },
  { key: 'politicalStatus', zh: '政治面貌', en: 'Political status', kind: 'enum', options: PoliticalStatus.labels },
  { key: 'education', zh: '学历', en: 'Education', kind: 'enum', options: Education.labels, required: true },
  { key: 'occupation', zh: '人员类别', en: 'Occupational category', kind: 'enum', options: Occupation.labels, required: true },
  { key: 'migrantWorker', zh: '是否农民工', en: 'Migrant worker', kind: 'enum', options: yesNo },
  { key: 'skillGrade', zh: '职业技能等级', en: 'Skill grade', kind: 'enum', options: SkillGrade.labels },
  { key: 'trade', zh: '工种/职业', en: 'Trade', kind: 'text', maxLength: 50 },
  { key: 'employer', zh: '工作单位', en: 'Employer', kind: 'text', maxLength: 100 },
  { key: 'phone', zh: '联系电话', en: 'Phone', kind: 'identifier' },
  { key: 'honour', zh: '荣誉称号', en: 'Honour', kind: 'text', maxLength: 50 },
  { key: 'year', zh: '授予年度', en: 'Year conferred', kind: 'integer', min: 1950, max: 2100 },
  { key: 'conferredBy', zh: '授予机关', en: 'Conferring body', kind: 'text', maxLength: 100 },
  { key: 'certificateNo', zh: '证书编号', en: 'Certificate number', kind: 'text', maxLength: 60 },
] as const satisfies readonly SheetColumn[];

export type RegistryKey = (typeof registryColumns)[number]['key'];
export type RegistryError = RowError<RegistryKey>;

export interface RegistryRow {
  row: number;
  name: string;
  idNumber: string;
  ethnicity: string;
  politicalStatus: (typeof PoliticalStatus.values)[number];
  education: (typeof Education.values)[number];
  occupation: (typeof Occupation.values)[number];
  migrantWorker: boolean;
  skillGrade: (typeof SkillGrade.values)[number];
  trade?: string;
  employer?: string;
  phone?: string;
  honour?: { type: HonourType; year: number; conferredBy: string; certificateNo?: string };
}

/** A read row checked against the ladder: an honour by its name or code, with its year and conferring body. Messages never quote the ID or the name. */
export function validateRegistryRow(read: RowRead<typeof registryColumns>, ladder: readonly HonourType[], today: Date): { ok: true; value: RegistryRow } | { ok: false; errors: RegistryError[] } {
  const { row, values } = read;
  const errors: RegistryError[] = read.ok ? [] : [...read.errors];
  const id = values.idNumber === undefined ? undefined : parseIdNumber(values.idNumber, today);
  if (id && !id.ok) errors.push(rowError(row, 'idNumber', id.reason));
  const phone = values.phone === undefined ? undefined : parsePhone(values.phone);
  if (phone && !phone.ok) errors.push(rowError(row, 'phone', phone.reason));
  const type = values.honour === undefined ? undefined : ladder.find((h) => h.name.zh === values.honour || h.code === values.honour || h.name.en === values.honour);
  if (values.honour !== undefined && !type) errors.push(rowError(row, 'honour', { zh: '荣誉体系中没有这项荣誉', en: 'no such honour in the ladder' }));
  if (type && values.year === undefined) errors.push(rowError(row, 'year', { zh: '填写了荣誉时须填写授予年度', en: 'a year is needed with an honour' }));
  if (type && values.conferredBy === undefined) errors.push(rowError(row, 'conferredBy', { zh: '填写了荣誉时须填写授予机关', en: 'a conferring body is needed with an honour' }));
  if (values.year !== undefined && values.year > today.getUTCFullYear()) errors.push(rowError(row, 'year', { zh: '授予年度晚于今年', en: 'the year is after this year' }));
  if (errors.length || !read.ok) return { ok: false, errors: errors.sort((a, b) => registryColumns.findIndex((c) => c.key === a.field) - registryColumns.findIndex((c) => c.key === b.field)) };
  const v = read.values;
  return {
    ok: true,
    value: {
      row,
      name: v.name,
      idNumber: id?.ok ? id.value : v.idNumber,
      ethnicity: v.ethnicity ?? '汉族',
      politicalStatus: v.politicalStatus ?? 'masses',
      education: v.education,
      occupation: v.occupation,
      migrantWorker: v.migrantWorker === 'yes',
      skillGrade: v.skillGrade ?? 'none',
      trade: v.trade,
      employer: v.employer,
      phone: phone?.ok ? phone.value : undefined,
      honour: type ? { type, year: v.year!, conferredBy: v.conferredBy!, certificateNo: v.certificateNo } : undefined,
    },
  };
}

/** Rows one import may hold (a federation's 劳模 roll is hundreds; the request stays short). */
export const MAX_REGISTRY_ROWS = 5_000;
