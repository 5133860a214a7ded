import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { chineseNumeral, describeTarget, parseTargetsText, targetsTextError, type Comparator, type ParseRefusalReason, type Target } from './targets.js';

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
    expect(r).toEqual({ ok: false, fragment: '覆盖职工3000', clause: 2, part: '3000', reason: 'unknown_unit' });
  });

  it('refuses a clause with two quantities instead of guessing', () => {
    const r = parseTargetsText('举办100场法治宣传覆盖2000名职工');
    expect(r).toMatchObject({ ok: false, fragment: '举办100场法治宣传覆盖2000名职工', part: '2000名', reason: 'ambiguous' });
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

describe('Chinese numerals: bare multipliers, 万/亿 sections and the spoken short form', () => {
  it.each([
    ['十', 10],
    ['百', 100],
    ['千', 1000],
    ['万', 10_000],
    ['两百', 200],
    ['一百零五', 105],
    ['一千零二十', 1020],
    ['十万', 100_000],
    ['二十万', 200_000],
    ['一万二千', 12_000],
    ['一万二', 12_000],
    ['三千五', 3500],
    ['两百五', 250],
    ['千万', 10_000_000],
    ['一亿二千万', 120_000_000],
    ['零', 0],
  ])('%s = %s', (text, n) => expect(chineseNumeral(text)).toBe(n));

  it.each(['', '三五', '十十', '百千', '亿万', '万万', '二〇二四', '一零', 'abc', '十a'])('%j is not a numeral', (text) => expect(chineseNumeral(text)).toBeUndefined());
});

/** The one target of a text, or the refusal as an error. */
function only(text: string): Target {
  const r = parseTargetsText(text);
  if (!r.ok) throw new Error(`refused: ${r.fragment} / ${r.part} (${r.reason})`);
  expect(r.value.targets).toHaveLength(1);
  return r.value.targets[0]!;
}

function targetsOf(text: string): [string, number, string, Comparator][] {
  const r = parseTargetsText(text);
  if (!r.ok) throw new Error(`refused: ${r.fragment} / ${r.part} (${r.reason})`);
  return r.value.targets.map((t) => [t.indicator, t.target, t.unit, t.comparator]);
}

describe('quantities: multipliers, decimals and money', () => {
  it.each([
    ['为万名职工免费体检', '为职工免费体检', 10_000, '名', 'eq'],
    ['建设千个驿站', '建设驿站', 1000, '个', 'eq'],
    ['开展普法讲座百场', '开展普法讲座', 100, '场', 'eq'],
    ['建设十家职工驿站', '建设职工驿站', 10, '家', 'eq'],
    ['为1.5万名职工体检', '为职工体检', 15_000, '名', 'eq'],
    ['慰问三千名劳模', '慰问劳模', 3000, '名', 'eq'],
    ['举办两百场法治宣传', '举办法治宣传', 200, '场', 'eq'],
    ['培训一万二千名职工', '培训职工', 12_000, '名', 'eq'],
    ['服务职工3万余人次', '服务职工', 30_000, '人次', 'gte'],
    ['获取20余万件判决书', '获取判决书', 200_000, '件', 'gte'],
    ['吸引2000多万人次参与', '吸引参与', 20_000_000, '人次', 'gte'],
    ['吸引1000万名以上职工参与', '吸引职工参与', 10_000_000, '名', 'gte'],
    ['共有万余人享受健康呵护', '共有享受健康呵护', 10_000, '人', 'gte'],
    ['服务职工两万余人次', '服务职工', 20_000, '人次', 'gte'],
    ['覆盖服务职工群众1.93亿人', '覆盖服务职工群众', 193_000_000, '人', 'eq'],
    ['服务职工526.2万人次', '服务职工', 5_262_000, '人次', 'eq'],
    ['开展培训0.5天', '开展培训', 0.5, '天', 'eq'],
    ['提高5个百分点', '提高', 5, '百分点', 'eq'],
    ['持续了近2个小时', '持续了', 2, '小时', 'eq'],
  ] as const)('%s → %s %s %s (%s)', (text, indicator, target, unit, comparator) => {
    expect(only(text)).toEqual({ indicator, target, unit, comparator });
  });

  it('keeps money written with 万/亿 in 万元, and plain 元 in 元', () => {
    expect(only('投入2亿元开展送温暖活动')).toMatchObject({ target: 20_000, unit: '万元' });
    expect(only('筹措资金3亿元')).toMatchObject({ target: 30_000, unit: '万元' });
    expect(only('奖励两万元')).toMatchObject({ target: 2, unit: '万元' });
    expect(only('发放补助资金937.8万元')).toMatchObject({ target: 937.8, unit: '万元' });
    expect(only('投入800余万元')).toMatchObject({ target: 800, unit: '万元', comparator: 'gte' });
    expect(only('收到协议款项9000元')).toMatchObject({ target: 9000, unit: '元' });
    expect(only('资助五千元')).toMatchObject({ target: 5000, unit: '元' });
  });

  it('reads a lone 一 before a unit as one, except inside a word or a set phrase', () => {
    expect(targetsOf('建设一个职工驿站，培训200名职工')).toEqual([
      ['建设职工驿站', 1, '个', 'eq'],
      ['培训职工', 200, '名', 'eq'],
    ]);
    expect(only('每年至少开展一次职工运动会')).toEqual({ indicator: '每年开展职工运动会', target: 1, unit: '次', comparator: 'gte' });
    expect(targetsOf('统一组织200名职工体检')).toEqual([['统一组织职工体检', 200, '名', 'eq']]);
    expect(targetsOf('一次性补助困难职工200名')).toEqual([['一次性补助困难职工', 200, '名', 'eq']]);
    expect(targetsOf('实行一人一档，建档300户')).toEqual([['建档', 300, '户', 'eq']]);
    expect(parseTargetsText('打造一批劳模精神宣传阵地')).toMatchObject({ ok: false, reason: 'no_quantity' });
  });
});

describe('comparators at every boundary', () => {
  it.each([
    ['开展宣讲不少于20场', 'gte'],
    ['开展宣讲至少20场', 'gte'],
    ['开展宣讲20场以上', 'gte'],
    ['开展宣讲20场及以上', 'gte'],
    ['开展宣讲20余场', 'gte'],
    ['开展宣讲20多场', 'gte'],
    ['开展宣讲20+场', 'gte'],
    ['开展宣讲20场+', 'gte'],
    ['开展宣讲超20场', 'gte'],
    ['开展宣讲逾20场', 'gte'],
    ['开展宣讲超过20场', 'gte'],
    ['开展宣讲≥20场', 'gte'],
    ['开展宣讲20场', 'eq'],
    ['开展宣讲达到20场', 'eq'],
    ['开展宣讲近20场', 'eq'],
    ['开展宣讲不超过20场', 'lte'],
    ['开展宣讲最多20场', 'lte'],
    ['开展宣讲20场以内', 'lte'],
    ['开展宣讲20场以下', 'lte'],
    ['开展宣讲20场及以下', 'lte'],
  ] as const)('%s → %s', (text, comparator) => expect(only(text)).toEqual({ indicator: '开展宣讲', target: 20, unit: '场', comparator }));

  it('takes the comparator nearest the number: 不超过 before 超过, 不少于 a few words earlier', () => {
    expect(only('帮扶资金支出不超过50万元')).toMatchObject({ comparator: 'lte', indicator: '帮扶资金支出' });
    expect(only('至少开展二十场普法讲座')).toMatchObject({ comparator: 'gte', target: 20 });
  });

  it('reads 上千/上万/过万 as "upwards of", but not 线上 or 经过 before a plain number', () => {
    expect(only('上万名职工参与')).toEqual({ indicator: '职工参与', target: 10_000, unit: '名', comparator: 'gte' });
    expect(only('月薪过万元')).toEqual({ indicator: '月薪', target: 1, unit: '万元', comparator: 'gte' });
    expect(only('开展线上100场')).toMatchObject({ comparator: 'eq', indicator: '开展线上' });
    expect(only('经过5场比赛')).toMatchObject({ comparator: 'eq', indicator: '经过比赛' });
  });

  it('does not take a one-character comparator far from the number (超市)', () => {
    expect(only('在超市开展促销活动10场')).toMatchObject({ comparator: 'eq', indicator: '在超市开展促销活动' });
  });
});

describe('percentages are rate targets with unit %', () => {
  it.each([
    ['覆盖率达到90%以上', '覆盖率', 90, 'gte'],
    ['职工满意率不低于95%', '职工满意率', 95, 'gte'],
    ['不低于95%', '不低于95%', 95, 'gte'],
    ['好评率96%', '好评率', 96, 'eq'],
    ['满意率为98.5%', '满意率', 98.5, 'eq'],
    ['有技术职称的占88.3%', '有技术职称的', 88.3, 'eq'],
    ['事故率控制在0.5%以内', '事故率', 0.5, 'lte'],
    ['入会率达到１００％', '入会率', 100, 'eq'],
    ['建会率达到百分之九十以上', '建会率', 90, 'gte'],
    ['职工的收入平均增长28.5%以上', '职工的收入平均增长', 28.5, 'gte'],
    ['超87%的受访者反映“缺乏固定休憩场所”', '受访者反映“缺乏固定休憩场所”', 87, 'gte'],
  ] as const)('%s → %s %s%% (%s)', (text, indicator, target, comparator) => expect(only(text)).toEqual({ indicator, target, unit: '%', comparator }));

  it('describes a rate without a space before %', () => {
    expect(describeTarget({ comparator: 'gte', target: 90, unit: '%' })).toBe('≥ 90%');
    expect(describeTarget({ comparator: 'eq', target: 600, unit: '名' })).toBe('600 名');
  });
});

describe('several quantities in one clause each become a target', () => {
  it('splits at 、 和 及 与 以及 并, naming each by the words around it', () => {
    expect(targetsOf('建设10家职工驿站、培训200名职工')).toEqual([
      ['建设职工驿站', 10, '家', 'eq'],
      ['培训职工', 200, '名', 'eq'],
    ]);
    expect(targetsOf('开展100场文化和100场体育引领性活动')).toEqual([
      ['开展文化', 100, '场', 'eq'],
      ['开展体育引领性活动', 100, '场', 'eq'],
    ]);
    for (const connector of ['和', '及', '与', '以及', '并']) {
      expect(targetsOf(`建设10家职工驿站${connector}培训200名职工`).map((t) => t[0])).toEqual(['建设职工驿站', '培训职工']);
    }
  });

  it('splits at the connector nearest the next quantity, not at the 与 of 参与 or the 及 of 惠及', () => {
    expect(targetsOf('组织160名一线职工参与疗休养和培训200名职工')).toEqual([
      ['组织一线职工参与疗休养', 160, '名', 'eq'],
      ['培训职工', 200, '名', 'eq'],
    ]);
    expect(parseTargetsText('开展培训10场惠及职工200余人')).toMatchObject({ ok: false, reason: 'ambiguous', part: '200余人' });
  });

  it('lets a quantity without its own verb share the words before the quantity ahead of it', () => {
    expect(targetsOf('慰问万名职工、千名劳模')).toEqual([
      ['慰问职工', 10_000, '名', 'eq'],
      ['慰问劳模', 1000, '名', 'eq'],
    ]);
    expect(targetsOf('补贴8.5万名职工疗休养和4万名职工健康体检')).toEqual([
      ['补贴职工疗休养', 85_000, '名', 'eq'],
      ['补贴职工健康体检', 40_000, '名', 'eq'],
    ]);
  });

  it('shares the predicate after the last quantity when the quantities hang on one preposition (为…提供)', () => {
    expect(targetsOf('为1.5万名职工、三千名劳模和两百名工匠提供体检')).toEqual([
      ['为职工提供体检', 15_000, '名', 'eq'],
      ['为劳模提供体检', 3000, '名', 'eq'],
      ['为工匠提供体检', 200, '名', 'eq'],
    ]);
  });

  it('keeps the comparator of each quantity to its own part of the clause', () => {
    expect(targetsOf('开展宣讲不少于20场、为600名职工赠送健康体检、帮扶资金支出不超过50万元')).toEqual([
      ['开展宣讲', 20, '场', 'gte'],
      ['为职工赠送健康体检', 600, '名', 'eq'],
      ['帮扶资金支出', 50, '万元', 'lte'],
    ]);
  });
});

describe('years, dates, ordinals, durations and names are not targets, but are accounted for', () => {
  it('labels a year and keeps it in the indicator', () => {
    const r = parseTargetsText('2024年出版4期');
    expect(r).toEqual({
      ok: true,
      value: {
        targets: [{ indicator: '2024年出版', unit: '期', comparator: 'eq', target: 4 }],
        descriptive: [],
        numbers: [
          { text: '2024年', clause: 1, label: 'year' },
          { text: '4期', clause: 1, target: 0 },
        ],
      },
    });
  });

  it.each([
    ['2023—2025年培训职工600人次', '2023—2025年', 'year'],
    ['2024年度培训职工600人次', '2024年度', 'year'],
    ['第一季度培训职工600人次', '第一', 'ordinal'],
    ['第3季度培训职工600人次', '第3', 'ordinal'],
    ['6月底前培训职工600人次', '6月', 'date'],
    ['1至3月培训职工600人次', '1至3月', 'date'],
    ['10月26日培训职工600人次', '10月26日', 'date'],
    ['未来3年培训职工600人次', '3年', 'duration'],
    ['10余年间培训职工600人次', '10余年', 'duration'],
    ['用时3个月培训职工600人次', '3个月', 'duration'],
    ['在24小时驿站培训职工600人次', '24小时', 'name'],
    ['在“5+N”驿站培训职工600人次', '“5+N”', 'name'],
    ['在5G驿站培训职工600人次', '5G', 'name'],
    ['在《一线》编辑部培训职工600人次', '《一线》', 'name'],
    ['在十一期间培训职工600人次', '十一', 'name'],
  ] as const)('%s: %s is a %s', (text, labelled, label) => {
    const r = parseTargetsText(text);
    if (!r.ok) throw new Error(`refused: ${r.part} (${r.reason})`);
    expect(r.value.targets.map((t) => [t.target, t.unit])).toEqual([[600, '人次']]);
    expect(r.value.numbers).toContainEqual({ text: labelled, clause: 1, label });
  });

  it('keeps a clause with only labelled numbers as description', () => {
    const r = parseTargetsText('举办第27场周末焰火秀，组织160名一线职工疗休养');
    expect(r.ok && r.value.descriptive).toEqual(['举办第27场周末焰火秀']);
    expect(r.ok && r.value.targets.map((t) => t.target)).toEqual([160]);
  });

  it('counts 3人制 and 十件实事 as names, not as 3 people or 10 items', () => {
    expect(targetsOf('组织3人制篮球赛等20余场次活动')).toEqual([['组织3人制篮球赛等活动', 20, '场次', 'gte']]);
    expect(targetsOf('今年继续为职工兴办10件实事，帮助4000名环卫清洁工人实现微心愿').map((t) => t[1])).toEqual([4000]);
    expect(parseTargetsText('票决十件实事')).toMatchObject({ ok: false, reason: 'no_quantity' });
  });

  it('refuses a bare four-digit number without 年 instead of guessing it is a year', () => {
    expect(parseTargetsText('举办2024职工运动会，组织160名职工参加')).toMatchObject({ ok: false, clause: 1, part: '2024', reason: 'unknown_unit' });
  });
});

describe('refusals name the part they could not read, in Chinese and in English', () => {
  it.each([
    ['覆盖职工3000', '3000', 'unknown_unit', '3000'],
    ['为十万职工提供服务', '十万', 'unknown_unit', '100000'],
    ['覆盖5800多户近4万亩承包地', '4万', 'unknown_unit', '40000'],
    ['举办100场法治宣传覆盖2000名职工', '2000名', 'ambiguous', '2000'],
    ['76%的一线职工月薪过万元', '万元', 'ambiguous', '10000'],
    ['促成岗位工资年均增长100元～200元', '100元～200元', 'range', '100-200'],
    ['开展宣讲10-20场', '10-20场', 'range', '10-20'],
    ['开展宣讲三至五场', '三至五场', 'range', '3-5'],
    ['高技能人才占技能人才的比例达到三分之一', '三分之一', 'fraction', '1/3'],
    ['新增欠薪案件0件', '0件', 'zero', '0'],
    ['新增欠薪案件零件', '零件', 'zero', '0'],
    ['开展数十场宣讲', '数十场', 'unreadable_number', undefined],
    ['慰问三五名劳模', '三五名', 'unreadable_number', undefined],
  ] as const)('%s: %s (%s)', (text, part, reason, english) => {
    const r = parseTargetsText(`开展宣讲不少于20场，${text}`);
    expect(r).toMatchObject({ ok: false, fragment: text, clause: 2, part, reason });
    if (r.ok) return;
    const err = targetsTextError(r);
    expect(err.text.zh).toContain(`“${part}”`);
    expect(err.text.en).toMatch(/^[\x20-\x7E]+$/);
    expect(err.text.en).toContain('Clause 2 of the targets');
    if (english) expect(err.text.en).toContain(english);
    expect(err.details).toMatchObject({ field: 'targetsText', fragment: text, clause: 2, part, reason });
  });

  it('refuses the whole text when one clause fails, even if the others read', () => {
    const r = parseTargetsText('慰问万名职工，为十万职工提供服务，建设千个驿站');
    expect(r).toMatchObject({ ok: false, clause: 2, part: '十万' });
  });

  it('names the first unreadable part of a clause', () => {
    expect(parseTargetsText('覆盖职工3000和农民工200')).toMatchObject({ ok: false, part: '3000', reason: 'unknown_unit' });
  });

  it('refuses empty text', () => {
    expect(parseTargetsText(' \n，。')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

// Never a silent drop: generated texts built from clauses whose reading is known. A text is read exactly when every
// clause in it is readable, its targets are those of its clauses in order, and a text with any unreadable clause is
// refused naming the first such clause and its part.
type Expected = [indicator: string, target: number, unit: string, comparator: Comparator];
const segments: [string, Expected][] = [
  ['建设10家职工驿站', ['建设职工驿站', 10, '家', 'eq']],
  ['培训200名职工', ['培训职工', 200, '名', 'eq']],
  ['开展宣讲不少于20场', ['开展宣讲', 20, '场', 'gte']],
  ['慰问万名职工', ['慰问职工', 10_000, '名', 'eq']],
  ['建设千个驿站', ['建设驿站', 1000, '个', 'eq']],
  ['组织不少于160名一线职工参与疗休养', ['组织一线职工参与疗休养', 160, '名', 'gte']],
  ['为1万名以上基层职工提供法律服务', ['为基层职工提供法律服务', 10_000, '名', 'gte']],
  ['新增400家“爱心妈咪小屋”', ['新增“爱心妈咪小屋”', 400, '家', 'eq']],
  ['补贴8.5万名职工疗休养', ['补贴职工疗休养', 85_000, '名', 'eq']],
  ['举办两百场法治宣传', ['举办法治宣传', 200, '场', 'eq']],
  ['再建“兴惠有你”24小时自助服务驿站2个', ['再建“兴惠有你”24小时自助服务驿站', 2, '个', 'eq']],
  ['投入疗休养资金4200万元', ['投入疗休养资金', 4200, '万元', 'eq']],
  ['帮扶资金支出不超过50万元', ['帮扶资金支出', 50, '万元', 'lte']],
  ['覆盖率达到90%以上', ['覆盖率', 90, '%', 'gte']],
  ['服务职工3万余人次', ['服务职工', 30_000, '人次', 'gte']],
  ['2024年出版4期', ['2024年出版', 4, '期', 'eq']],
  ['第一季度培训职工600人次', ['第一季度培训职工', 600, '人次', 'eq']],
];
const descriptiveClauses = ['融合各乡镇、街道人社和司法所的资源优势', '做好《一线》杂志(季刊)的编辑出版工作', '2024年第一季度启动', '实行一人一档', '有效打通联系服务职工的“最后一公里”'];
const unreadableClauses: [string, string, ParseRefusalReason][] = [
  ['覆盖职工3000', '3000', 'unknown_unit'],
  ['为十万职工提供服务', '十万', 'unknown_unit'],
  ['举办100场法治宣传覆盖2000名职工', '2000名', 'ambiguous'],
  ['比例达到三分之一', '三分之一', 'fraction'],
  ['工资年均增长100元～200元', '100元～200元', 'range'],
  ['新增欠薪案件0件', '0件', 'zero'],
  ['开展数十场宣讲', '数十场', 'unreadable_number'],
];

type Clause = { text: string; targets: Expected[] } | { text: string; descriptive: true } | { text: string; part: string; reason: ParseRefusalReason };
const readableClause: fc.Arbitrary<Clause> = fc
  .tuple(fc.array(fc.constantFrom(...segments), { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom('、', '和', '及', '与', '以及'), { minLength: 2, maxLength: 2 }))
  .map(([parts, joins]) => ({ text: parts.map(([text], i) => (i === 0 ? text : `${joins[(i - 1) % joins.length]}${text}`)).join(''), targets: parts.map(([, t]) => t) }));
const clause: fc.Arbitrary<Clause> = fc.oneof(
  { arbitrary: readableClause, weight: 6 },
  { arbitrary: fc.constantFrom(...descriptiveClauses).map((text) => ({ text, descriptive: true as const })), weight: 2 },
  { arbitrary: fc.constantFrom(...unreadableClauses).map(([text, part, reason]) => ({ text, part, reason })), weight: 1 },
);

describe('never a silent drop (property over generated texts)', () => {
  it('reads every quantity of readable texts, and refuses any text with an unreadable clause, naming it', () => {
    fc.assert(
      fc.property(fc.array(clause, { minLength: 1, maxLength: 5 }), fc.constantFrom('，', '；', '。', '\n'), (clauses, separator) => {
        const r = parseTargetsText(clauses.map((c) => c.text).join(separator));
        const firstBad = clauses.findIndex((c) => 'reason' in c);
        const expected = clauses.flatMap((c) => ('targets' in c ? c.targets : []));
        if (firstBad >= 0) {
          const bad = clauses[firstBad] as Extract<Clause, { reason: ParseRefusalReason }>;
          expect(r).toEqual({ ok: false, fragment: bad.text, clause: firstBad + 1, part: bad.part, reason: bad.reason });
        } else if (expected.length === 0) {
          expect(r).toMatchObject({ ok: false, reason: 'no_quantity' });
        } else {
          if (!r.ok) throw new Error(`refused: ${r.fragment} / ${r.part} (${r.reason})`);
          expect(r.value.targets.map((t) => [t.indicator, t.target, t.unit, t.comparator])).toEqual(expected);
          expect(r.value.descriptive).toEqual(clauses.filter((c) => 'descriptive' in c).map((c) => c.text));
          expect(r.value.numbers.filter((n) => 'target' in n).map((n) => ('target' in n ? n.target : -1))).toEqual(expected.map((_, i) => i));
        }
      }),
      { numRuns: 500 },
    );
  });
});
