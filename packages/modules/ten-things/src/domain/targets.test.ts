import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { chineseNumeral, parseTargetsText, targetsTextError, type Comparator } from './targets.js';

type Row = [text: string, target: number, unit: string, comparator: Comparator, indicator?: string];

// Real phrasings: 兴化 2024 list (seed 004), DOMAIN §2, domain-anchors §1 (福建 2021, 上海 2020).
const phrasings: Row[] = [
  ['开展多形式、分层次、全覆盖的“双进”宣讲活动不少于20场', 20, '场', 'gte', '开展多形式、分层次、全覆盖的“双进”宣讲活动'],
  ['组织各类读书活动全年不少于15场', 15, '场', 'gte', '组织各类读书活动'],
  ['深入企业开展技术服务活动不少于20次', 20, '次', 'gte'],
  ['解决技术难题不少于20项', 20, '项', 'gte', '解决技术难题'],
  ['组织职工参加提升企业职工技能水平活动100余人次', 100, '人次', 'gte'],
  ['培训职工不少于600人次', 600, '人次', 'gte', '培训职工'],
  ['发布“牛助理”线上招聘信息45期', 45, '期', 'eq'],
  ['组织不少于160名一线职工参与疗休养', 160, '名', 'gte', '组织一线职工参与疗休养'],
  ['为600名职工赠送健康体检', 600, '名', 'eq', '为职工赠送健康体检'],
  ['为200名特种行业职工做好职业病体检', 200, '名', 'eq'],
  ['为200名货车司机、快递员等新业态劳动者赠送意外伤害保险', 200, '名', 'eq', '为货车司机、快递员等新业态劳动者赠送意外伤害保险'],
  ['再建“兴惠有你”24小时自助服务驿站2个', 2, '个', 'eq', '再建“兴惠有你”24小时自助服务驿站'],
  ['为基层女职工送康乃馨专家志愿服务8场', 8, '场', 'eq'],
  ['为500名女职工提供“两癌”筛查服务', 500, '名', 'eq', '为女职工提供“两癌”筛查服务'],
  ['建立26个基层工会法律服务站', 26, '个', 'eq', '建立基层工会法律服务站'],
  ['举办100场法治宣传', 100, '场', 'eq', '举办法治宣传'],
  ['为1万名以上基层职工提供便捷有效的法律服务', 10_000, '名', 'gte', '为基层职工提供便捷有效的法律服务'],
  ['以创建打造2家新业态党工共建示范点为契机', 2, '家', 'eq'],
  ['为3000多名新业态群体提供多方位精准服务', 3000, '名', 'gte'],
  ['劳模工匠进企业宣讲不少于20场', 20, '场', 'gte', '劳模工匠进企业宣讲'],
  ['开展宣讲不少于20场', 20, '场', 'gte', '开展宣讲'],
  ['组织160名一线职工疗休养', 160, '名', 'eq', '组织一线职工疗休养'],
  ['建驿站2个', 2, '个', 'eq', '建驿站'],
  ['投入2亿元开展送温暖活动', 20_000, '万元', 'eq'],
  ['组织1000期职工疗休养', 1000, '期', 'eq'],
  ['投入疗休养资金4200万元', 4200, '万元', 'eq', '投入疗休养资金'],
  ['举办200个暑托班', 200, '个', 'eq'],
  ['举办100场青年职工交友活动', 100, '场', 'eq'],
  ['为4000名环卫工人实现微心愿', 4000, '名', 'eq'],
  ['建成100个省级示范休息室', 100, '个', 'eq'],
  ['为10,000名职工提供心灵守护服务', 10_000, '名', 'eq'],
  ['为7000名劳模送生日祝福', 7000, '名', 'eq'],
  ['推动不少于100家基层工会使用掌上工会', 100, '家', 'gte'],
  ['新建200家职工学堂', 200, '家', 'eq'],
  ['服务职工526.2万人次', 5_262_000, '人次', 'eq', '服务职工'],
  ['为85000名职工提供疗休养补贴', 85_000, '名', 'eq'],
  ['新建400个爱心妈咪小屋', 400, '个', 'eq'],
  ['至少开展二十场普法讲座', 20, '场', 'gte', '开展普法讲座'],
  ['再建两个户外劳动者驿站', 2, '个', 'eq'],
  ['帮扶资金支出不超过50万元', 50, '万元', 'lte', '帮扶资金支出'],
  ['资助困难职工子女50人', 50, '人', 'eq', '资助困难职工子女'],
  ['签订集体合同30份', 30, '份', 'eq'],
  ['培训新业态劳动者１２０人次以上', 120, '人次', 'gte'],
];

describe('the target parser reads real 十件实事 phrasings', () => {
  it.each(phrasings)('%s → %s %s (%s)', (text, target, unit, comparator, indicator) => {
    const r = parseTargetsText(text);
    if (!r.ok) throw new Error(`refused: ${r.fragment} (${r.reason})`);
    expect(r.value.targets).toHaveLength(1);
    const [t] = r.value.targets;
    expect(t).toMatchObject({ target, unit, comparator });
    if (indicator) expect(t!.indicator).toBe(indicator);
  });

  it('has at least 30 real phrasings', () => expect(phrasings.length).toBeGreaterThanOrEqual(30));

  it('splits the issue example into four typed targets', () => {
    const r = parseTargetsText('开展宣讲不少于20场，组织160名一线职工疗休养，建驿站2个，为1万名以上职工提供法律服务');
    expect(r.ok && r.value.targets.map((t) => [t.target, t.unit, t.comparator])).toEqual([
      [20, '场', 'gte'],
      [160, '名', 'eq'],
      [2, '个', 'eq'],
      [10_000, '名', 'gte'],
    ]);
  });

  it('reads the whole 兴化 legal-service item and keeps its lead-in clause as description', () => {
    const r = parseTargetsText('融合各乡镇、街道人社和司法所的资源优势，建立26个基层工会法律服务站，举办100场法治宣传，为1万名以上基层职工提供便捷有效的法律服务');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.targets.map((t) => t.target)).toEqual([26, 100, 10_000]);
    expect(r.value.descriptive).toEqual(['融合各乡镇、街道人社和司法所的资源优势']);
  });

  it('does not count a year, an issue number or a title as a quantity', () => {
    const r = parseTargetsText('做好产业工人文学刊物《一线》杂志(季刊)的编辑出版工作，2024年出版4期');
    expect(r.ok && r.value.targets).toEqual([{ indicator: '2024年出版', unit: '期', comparator: 'eq', target: 4 }]);
  });
});

describe('the target parser refuses what it cannot read, naming the clause', () => {
  it('refuses a number without a recognised unit', () => {
    const r = parseTargetsText('开展宣讲不少于20场，覆盖职工3000');
    expect(r).toEqual({ ok: false, fragment: '覆盖职工3000', clause: 2, reason: 'unknown_unit' });
  });

  it('refuses a clause with two quantities instead of guessing', () => {
    const r = parseTargetsText('举办100场法治宣传覆盖2000名职工');
    expect(r).toMatchObject({ ok: false, fragment: '举办100场法治宣传覆盖2000名职工', reason: 'ambiguous' });
  });

  it('refuses text without any quantity', () => {
    const r = parseTargetsText('优化“智慧+普惠”平台建设');
    expect(r).toMatchObject({ ok: false, reason: 'no_quantity' });
  });

  it('turns a refusal into a 400 naming the clause: quoted in Chinese, by its position in English', () => {
    const r = parseTargetsText('开展宣讲不少于20场，覆盖职工3000');
    if (r.ok) throw new Error('should refuse');
    const err = targetsTextError(r);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.kind).toBe('invalid');
    expect(err.text.zh).toContain('覆盖职工3000');
    expect(err.text.en).toContain('Clause 2 of the targets');
    expect(err.text.en).toMatch(/^[\x20-\x7E]+$/);
    expect(err.details).toMatchObject({ field: 'targetsText', fragment: '覆盖职工3000', clause: 2 });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['二十', 20],
    ['十五', 15],
    ['一百二十', 120],
    ['两', 2],
    ['三千', 3000],
  ])('%s = %s', (text, n) => expect(chineseNumeral(text)).toBe(n));
});
