import type { OutputColumn } from '@ufp/core/spreadsheet/sheet';
import type { HardshipFile, HouseholdDetails } from './file.js';
import { tierLabels } from './tier.js';

/**
 * The 全国工会帮扶工作管理系统's 困难职工档案表, as its form lays it out (the field order of the form and of its
 * 家庭成员信息 table): an export a federation pastes into the national system instead of typing each file again.
 * Fields the platform does not record (民族, 政治面貌, 住房, 医保 …) are columns left blank, so the sheet keeps the
 * form's order and a caseworker fills them there. The worker's ID number and phone are in full — the national
 * system needs them — so the export is an audited read of personal data, for admins only.
 */
export interface NationalFileRow {
  file: HardshipFile;
  household: HouseholdDetails;
  idNumber: string;
  phone: string | null;
  unitName: string;
}

export interface NationalMemberRow {
  fileId: string;
  member: HouseholdDetails['members'][number];
}

/** Birth date and sex from an 18-digit 居民身份证号 (GB 11643: digits 7–14 the birth date, the 17th odd for men). */
export function fromIdNumber(idNumber: string): { birthDate?: string; sex?: '男' | '女' } {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec(idNumber);
  if (!m) return {};
  return { birthDate: `${m[1]}-${m[2]}-${m[3]}`, sex: Number(m[4]) % 2 === 1 ? '男' : '女' };
}

const blank = <R>(zh: string, en: string): OutputColumn<R> => ({ zh, en, kind: 'text', value: () => undefined });

export const nationalFileColumns: readonly OutputColumn<NationalFileRow>[] = [
  { zh: '职工编号', en: 'Worker no.', kind: 'text', width: 28, value: (r) => r.file.fileId },
  { zh: '困难类别', en: 'Hardship category', kind: 'label', labels: tierLabels, width: 12, value: (r) => r.file.tier },
  { zh: '姓名', en: 'Name', kind: 'text', width: 12, value: (r) => r.file.worker.name },
  blank('民族', 'Ethnicity'),
  { zh: '性别', en: 'Sex', kind: 'text', width: 6, value: (r) => fromIdNumber(r.idNumber).sex },
  blank('政治面貌', 'Political status'),
  { zh: '身份证号', en: 'ID number', kind: 'text', width: 22, value: (r) => r.idNumber },
  { zh: '出生日期', en: 'Date of birth', kind: 'date', value: (r) => fromIdNumber(r.idNumber).birthDate },
  blank('健康状况', 'Health'),
  blank('残疾类别', 'Disability'),
  { zh: '工作状态', en: 'Work status', kind: 'text', width: 10, value: (r) => (r.file.worker.migrant ? '农民工' : undefined) },
  blank('劳模类型', 'Model-worker title'),
  blank('住房类型', 'Housing'),
  blank('建筑面积', 'Floor area'),
  { zh: '手机号码', en: 'Mobile', kind: 'text', width: 14, value: (r) => r.phone },
  blank('其他联系方式', 'Other contact'),
  blank('邮政编码', 'Postcode'),
  { zh: '工作时间', en: 'Employed since', kind: 'date', value: (r) => r.household.employmentStart },
  blank('所属行业', 'Industry'),
  blank('婚姻状况', 'Marital status'),
  blank('户口类型', 'Hukou type'),
  blank('家庭住址', 'Home address'),
  { zh: '工作单位', en: 'Employer', kind: 'text', width: 24, value: (r) => r.unitName },
  blank('单位性质', 'Employer type'),
  blank('企业状况', 'Enterprise status'),
  blank('是否单亲', 'Single parent'),
  blank('本人月平均收入', "Worker's monthly income"),
  { zh: '家庭年度总收入', en: 'Household annual income', kind: 'money', value: (r) => r.household.annualIncomeFen },
  { zh: '家庭人口', en: 'Household size', kind: 'integer', value: (r) => r.file.householdSize },
  { zh: '家庭月人均收入', en: 'Monthly income per head', kind: 'money', value: (r) => r.household.perCapitaMonthlyFen },
  blank('户口所在地行政区划', 'Hukou division'),
  blank('医保状况', 'Medical insurance'),
  blank('是否有一定自救能力', 'Some self-help capacity'),
  blank('是否为零就业家庭', 'Zero-employment household'),
  { zh: '主要致困原因', en: 'Main cause', kind: 'text', width: 20, value: (r) => r.household.causes[0] },
  { zh: '次要致困原因', en: 'Other causes', kind: 'text', width: 24, value: (r) => r.household.causes.slice(1).join('、') },
  { zh: '建档时间', en: 'On file since', kind: 'date', value: (r) => r.file.approvedOn },
  { zh: '备注', en: 'Notes', kind: 'text', width: 30, value: (r) => r.household.explanation },
];

/** The form's 家庭成员信息 table, one row per member: members' ID numbers are held masked only, so they are masked here. */
export const nationalMemberColumns: readonly OutputColumn<NationalMemberRow>[] = [
  { zh: '职工编号', en: 'Worker no.', kind: 'text', width: 28, value: (r) => r.fileId },
  { zh: '姓名', en: 'Name', kind: 'text', width: 12, value: (r) => r.member.name },
  { zh: '关系', en: 'Relation', kind: 'text', width: 10, value: (r) => r.member.relation },
  { zh: '身份证号（脱敏）', en: 'ID number (masked)', kind: 'text', width: 22, value: (r) => r.member.idMasked },
  { zh: '月收入', en: 'Monthly income', kind: 'money', value: (r) => (r.member.annualIncomeFen === undefined ? undefined : Math.round(r.member.annualIncomeFen / 12)) },
  { zh: '健康状况', en: 'Health', kind: 'text', width: 12, value: (r) => r.member.health },
];

/** The files the national system keeps as 困难职工档案: those on file now (exited files go to its 脱困档案库). */
export const onNationalFile = (file: Pick<HardshipFile, 'status'>) => file.status === 'approved';
