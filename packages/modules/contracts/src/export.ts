import { exportWorkbook, xlsxFile, type ExportSheet, type XlsxFile } from '@ufp/kit/excel';
import { contractStatus, contractType, industry, specialKind, type Contract } from './domain/contract.js';

const ledgerColumns: ExportSheet<Contract>['columns'] = [
  { zh: '合同名称', en: 'Title', kind: 'text', width: 36, value: (c) => c.title },
  { zh: '类型', en: 'Type', kind: 'label', labels: contractType.labels, width: 16, value: (c) => c.type },
  { zh: '专项类别', en: 'Special kind', kind: 'label', labels: specialKind.labels, width: 16, value: (c) => c.specialKind },
  { zh: '行业', en: 'Industry', kind: 'label', labels: industry.labels, width: 14, value: (c) => c.scope?.industry },
  { zh: '状态', en: 'Status', kind: 'label', labels: contractStatus.labels, width: 16, value: (c) => c.status },
  { zh: '覆盖企业数', en: 'Enterprises covered', kind: 'count', value: (c) => c.coveredEnterprises },
  { zh: '覆盖职工数', en: 'Employees covered', kind: 'count', value: (c) => c.coveredEmployees },
  { zh: '起始日', en: 'Term starts', kind: 'date', value: (c) => c.term.start },
  { zh: '终止日', en: 'Term ends', kind: 'date', value: (c) => c.term.end },
  { zh: '工资增幅(%)', en: 'Wage growth (%)', kind: 'decimal', value: (c) => c.clauses.wageGrowthPct },
  { zh: '签订日', en: 'Signed on', kind: 'date', value: (c) => c.signedOn },
  { zh: '报送日', en: 'Filed on', kind: 'date', value: (c) => c.filing?.filedOn },
  { zh: '逾期报送(天)', en: 'Days filed late', kind: 'integer', value: (c) => c.filing?.lateDays },
  { zh: '生效日', en: 'Effective on', kind: 'date', value: (c) => c.effectiveOn },
];

/** The 集体合同 ledger (台账) as a workbook in the chosen language, named with the day it was made. */
export async function ledgerWorkbook(items: readonly Contract[], lang: 'zh' | 'en', today: string): Promise<XlsxFile> {
  const { bytes, rows } = await exportWorkbook(lang, [{ name: { zh: '集体合同台账', en: 'Collective contracts' }, columns: ledgerColumns, rows: items }]);
  return xlsxFile(lang === 'zh' ? `集体合同台账-${today}.xlsx` : `collective-contracts-${today}.xlsx`, bytes, rows);
}
