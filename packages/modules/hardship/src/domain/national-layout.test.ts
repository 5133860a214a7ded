import { describe, expect, it } from 'vitest';
import { outputCell } from '@ufp/core/spreadsheet/sheet';
import { demoIdNumber } from '@ufp/kit/seed';
import type { HardshipFile, HouseholdDetails } from './file.js';
import { fromIdNumber, nationalFileColumns, nationalMemberColumns, onNationalFile, type NationalFileRow } from './national-layout.js';

describe('birth date and sex from an ID number', () => {
  it('reads digits 7–14 as the birth date and an odd 17th digit as 男, an even one as 女', () => {
    expect(fromIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: '女' });
    expect(fromIdNumber('110105194912310013')).toEqual({ birthDate: '1949-12-31', sex: '男' });
    expect(fromIdNumber('110105194912310090')).toEqual({ birthDate: '1949-12-31', sex: '男' });
    expect(fromIdNumber('110105194912310080')).toEqual({ birthDate: '1949-12-31', sex: '女' });
  });
  it('reads nothing from a form it does not know (a 15-digit number, letters, a short string)', () => {
    expect(fromIdNumber('110105491231002')).toEqual({});
    expect(fromIdNumber('11010519491231002Y')).toEqual({});
    expect(fromIdNumber('')).toEqual({});
  });
});

describe('the 困难职工档案表 layout', () => {
  const idNumber = demoIdNumber('321281', '19850312', 7);
  const household: HouseholdDetails = {
    members: [
      { relation: '本人', name: '钱发', idMasked: '3212**********0071', annualIncomeFen: 2_400_000 },
      { relation: '子女', name: '钱小', health: '良好' },
    ],
    annualIncomeFen: 3_600_000,
    rigidExpensesFen: 1_200_000,
    causes: ['本人患慢性病', '子女上学'],
    events: [],
    explanation: '(36000 − 12000)/12/2 = 1000.00 < 2 × 低保 780 ⇒ 相对困难',
    explanationEn: '…',
    perCapitaMonthlyFen: 100_000,
    employmentStart: '2010-07-01',
  };
  const file = { fileId: 'F1', status: 'approved', tier: 'relative', householdSize: 2, approvedOn: '2026-03-10', worker: { name: '钱发', migrant: true } } as unknown as HardshipFile;
  const row: NationalFileRow = { file, household, idNumber, phone: '13812345678', unitName: '兴化市发放测试工会' };
  const cells = Object.fromEntries(nationalFileColumns.map((c) => [c.zh, outputCell(c, row, 'zh')]));

  it('keeps the form’s field order, from 职工编号 and 困难类别 to 建档时间', () => {
    const headers = nationalFileColumns.map((c) => c.zh);
    expect(headers.slice(0, 8)).toEqual(['职工编号', '困难类别', '姓名', '民族', '性别', '政治面貌', '身份证号', '出生日期']);
    const order = ['手机号码', '工作单位', '家庭年度总收入', '家庭人口', '家庭月人均收入', '主要致困原因', '次要致困原因', '建档时间'].map((h) => headers.indexOf(h));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('fills what the file holds: the tier as the national category, the full ID number and phone, money in yuan', () => {
    expect(cells).toMatchObject({
      职工编号: 'F1',
      困难类别: '相对困难',
      姓名: '钱发',
      身份证号: idNumber,
      性别: fromIdNumber(idNumber).sex,
      手机号码: '13812345678',
      工作状态: '农民工',
      工作单位: '兴化市发放测试工会',
      家庭年度总收入: 36_000,
      家庭人口: 2,
      家庭月人均收入: 1_000,
      主要致困原因: '本人患慢性病',
      次要致困原因: '子女上学',
    });
    expect(cells['出生日期']).toEqual(new Date('1985-03-12T00:00:00Z'));
    expect(cells['建档时间']).toEqual(new Date('2026-03-10T00:00:00Z'));
  });

  it('leaves the fields the platform does not record blank, and a worker who is not a migrant without a work status', () => {
    for (const h of ['民族', '政治面貌', '健康状况', '住房类型', '婚姻状况', '户口类型', '医保状况']) expect(cells[h], h).toBeNull();
    const local = { ...row, file: { ...file, worker: { ...file.worker, migrant: false } } as HardshipFile };
    expect(outputCell(nationalFileColumns.find((c) => c.zh === '工作状态')!, local, 'zh')).toBeNull();
  });

  it('lists members with masked ID numbers and monthly income (a twelfth of the annual, in yuan)', () => {
    const member = Object.fromEntries(nationalMemberColumns.map((c) => [c.zh, outputCell(c, { fileId: 'F1', member: household.members[0]! }, 'zh')]));
    expect(member).toMatchObject({ 职工编号: 'F1', 姓名: '钱发', 关系: '本人', '身份证号（脱敏）': '3212**********0071', 月收入: 2_000 });
    const child = Object.fromEntries(nationalMemberColumns.map((c) => [c.zh, outputCell(c, { fileId: 'F1', member: household.members[1]! }, 'zh')]));
    expect(child).toMatchObject({ 月收入: null, 健康状况: '良好' });
  });

  it('takes the files on file only: exited ones belong to the national 脱困档案库, drafts and rejected ones to nobody', () => {
    expect(['draft', 'submitted', 'investigated', 'noticed', 'approved', 'rejected', 'exited'].filter((status) => onNationalFile({ status } as HardshipFile))).toEqual(['approved']);
  });
});
