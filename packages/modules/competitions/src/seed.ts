import type { Claims } from '@ufp/kit/auth';
import { demoIdNumber, type SeedApi } from '@ufp/kit/seed';

type Tenant = SeedApi['tenants'][number];

const JUDGES = ['陈国华', '刘志强', '张海燕', '赵建军', '孙立新'];
const ARBITER = '周正平';
/** Contestants: name, birth date (YYYYMMDD), ID sequence (its last digit decides the gender: odd for a man), skill grade. */
const WELDERS: [string, string, number, string][] = [
  ['王磊', '19900312', 11, 'grade3'],
  ['李娜', '19920705', 12, 'grade3'],
  ['张伟', '19881120', 13, 'grade2'],
  ['刘洋', '19950218', 15, 'grade4'],
  ['陈静', '19930909', 14, 'grade3'],
  ['杨帆', '19970101', 17, 'grade4'],
];
const ELECTRICIANS: [string, string, number, string][] = [
  ['周杰', '19910415', 21, 'grade3'],
  ['吴敏', '19940622', 22, 'grade3'],
  ['郑凯', '19890803', 23, 'grade2'],
  ['王芳', '19960117', 24, 'grade4'],
];

const iso = (ms: number) => new Date(ms).toISOString();
const judgement = (code: string, zh: string, en: string, maxHundredths: number) => ({
  code,
  kind: 'judgement',
  name: { zh, en },
  maxHundredths,
  descriptors: ['未达到要求', '基本达到要求', '达到要求', '超出要求'],
});
/** 理论 30% (a marks aspect: the paper's score), 实操 70% (judged aspects and one measurement). */
const scheme = [
  { code: 'T', kind: 'theory', name: { zh: '理论知识', en: 'Theory' }, weightBp: 3000, timeLimitMinutes: 90, aspects: [{ code: 'T1', kind: 'marks', name: { zh: '理论试卷', en: 'Theory paper' }, maxHundredths: 10_000 }] },
  {
    code: 'P',
    kind: 'practical',
    name: { zh: '实际操作', en: 'Practical' },
    weightBp: 7000,
    timeLimitMinutes: 180,
    aspects: [
      judgement('P1', '安全文明操作', 'Safe working', 2000),
      judgement('P2', '工艺规范', 'Process discipline', 3000),
      judgement('P3', '外观质量', 'Finish', 3000),
      { code: 'P4', kind: 'measurement', name: { zh: '关键尺寸', en: 'Key dimension' }, maxHundredths: 2000, unit: '0.01 mm', nominal: 1000, tolerance: 5 },
    ],
  },
];

/**
 * 兴化's 职工职业技能竞赛 (the 工匠杯 of the seeds): a city-class competition on the provincial class-1 rule pack, with a
 * 0-minute protest window changed from the pack (so the demo's 焊工 final is already final and its winners are in 劳模's
 * draft inbox) and its prizes paid by rank, and an 电工 赛项 being marked live (its scoreboard moves as judges score). Five judges (a chief among
 * them) and a 监督仲裁组 member are users of the directory, so they can sign in locally.
 */
export async function seedCompetitions(api: SeedApi): Promise<void> {
  const [county, neighbour] = api.tenants.filter((t) => t.level === 'county' && t.unitIds.length > 0);
  if (!county) return;
  const admin = api.admin(county.id);
  const now = Date.now();
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  const panel = await panelOf(api, county, JUDGES, ARBITER);
  const competition = await api.call(admin, 'competitions.competitions.create', {
    name: `${year}年兴化市职工职业技能竞赛`,
    nameEn: `Xinghua Workers' Skills Competition ${year}`,
    class: 'city',
    year,
    packCode: 'province-class1',
    overrides: {
      protestWindowMinutes: 0,
      // The pack's prizes go by share (一等奖 ≤ 10%): a 6-person final would have no 一等奖, so this one pays by rank.
      prizes: {
        kind: 'byRank',
        table: [
          { fromRank: 1, toRank: 1, label: { zh: '一等奖', en: 'First prize' }, amountFen: 300_000 },
          { fromRank: 2, toRank: 3, label: { zh: '二等奖', en: 'Second prize' }, amountFen: 200_000 },
          { fromRank: 4, toRank: 6, label: { zh: '三等奖', en: 'Third prize' }, amountFen: 100_000 },
        ],
      },
    },
    prizeBudgetFen: 2_000_000,
    coOrganisers: ['兴化市人力资源和社会保障局'],
    publishNames: true,
  });
  await heldFinal(api, county, panel, String(competition.competitionId), ['焊工', 'Welding'], WELDERS, now);
  const electric = await setUpEvent(api, county, admin, panel, String(competition.competitionId), ['电工', 'Electrical work'], ELECTRICIANS, now);
  await scoreAll(api, panel.judges.slice(0, 3), electric, now, 1);
  await seedJudgingHistory(api, county, neighbour, panel, year, now);
}

/**
 * What 裁判宽严分析 reads: last season's 兴化 finals, where 赵建军 marks the theory paper 6 points low and the judged
 * aspects a point low on every other work (偏严), and 靖江's 企业赛 this year: three panels that agree, and
 * one whose judges split a point either way on the judged aspects (the province's outlier panel). Enterprise rules: no
 * honours, so 劳模's draft inbox keeps only this year's 焊工 winners.
 */
async function seedJudgingHistory(api: SeedApi, county: Tenant, neighbour: Tenant | undefined, panel: Panel, year: number, now: number): Promise<void> {
  // The panel agrees (every work the same judgement: 3, or 2 from the third on) but for 赵建军's low hand.
  const severe: Lean = (j, aspect, v, n) => {
    if (aspect === 'P4') return v;
    if (aspect === 'T1') return j === 3 ? v - 600 : v;
    return (n > 1 ? 2 : 3) - (j === 3 && n % 2 === 0 ? 1 : 0);
  };
  const past = await enterpriseCompetition(api, county, `${year - 1}年兴化市职工职业技能竞赛`, `Xinghua Workers' Skills Competition ${year - 1}`, year - 1);
  await heldFinal(api, county, panel, past, ['焊工', 'Welding'], WELDERS, now, severe);
  await heldFinal(api, county, panel, past, ['电工', 'Electrical work'], ELECTRICIANS, now, severe);
  if (!neighbour) return;
  const jingjiang = await panelOf(api, neighbour, ['钱文斌', '黄志刚', '徐晓兰', '马国庆'], '朱明');
  const contest = await enterpriseCompetition(api, neighbour, `${year}年靖江市船舶制造职工技能比武`, `Jingjiang Shipbuilding Skills Contest ${year}`, year);
  // Agreeing judges: every work the same judgement (3, or 2 from the third on) but one judge a point lower on each judged
  // aspect (a different judge each time), papers within a mark. The split panel: one judge always 3, another always 1.
  const agree: Lean = (j, aspect, v, n) => (aspect === 'T1' ? v + (j % 2 ? 30 : -30) : aspect === 'P4' ? v : (n > 1 ? 2 : 3) - Number((n + Number(aspect.slice(1))) % 4 === j));
  const split: Lean = (j, aspect, v, n) => (aspect === 'T1' || aspect === 'P4' ? v : j === 1 ? 3 : j === 2 ? 1 : agree(j, aspect, v, n));
  for (const [trade, lean] of [[['船舶电焊工', 'Ship welding'], agree], [['管工', 'Pipe fitting'], agree], [['钳工', 'Bench fitting'], agree], [['船舶涂装工', 'Ship painting'], split]] as const) {
    await heldFinal(api, neighbour, jingjiang, contest, trade as [string, string], ELECTRICIANS, now, lean as Lean);
  }
}

async function panelOf(api: SeedApi, tenant: Tenant, judges: readonly string[], arbiter: string): Promise<Panel> {
  const users: Claims[] = [];
  for (const name of [...judges, arbiter]) {
    const user = await api.call(api.admin(tenant.id), 'users.create', { name, roles: ['federation_staff'], modules: ['competitions'] });
    users.push({ sub: String(user.userId), roles: ['federation_staff'], tenantId: tenant.id, name });
  }
  return { judges: users.slice(0, judges.length), arbiter: users[judges.length]! };
}

/** A competition on the 企业赛 pack (prizes by rank, no honours), final as soon as published. */
async function enterpriseCompetition(api: SeedApi, tenant: Tenant, name: string, nameEn: string, year: number): Promise<string> {
  const c = await api.call(api.admin(tenant.id), 'competitions.competitions.create', { name, nameEn, class: 'enterprise', year, packCode: 'enterprise', overrides: { protestWindowMinutes: 0 }, publishNames: true });
  return String(c.competitionId);
}

/** A 赛项 marked by its whole panel, published and made final. */
async function heldFinal(api: SeedApi, tenant: Tenant, panel: Panel, competitionId: string, trade: [string, string], people: [string, string, number, string][], now: number, lean?: Lean): Promise<void> {
  const admin = api.admin(tenant.id);
  const event = await setUpEvent(api, tenant, admin, panel, competitionId, trade, people, now);
  await scoreAll(api, panel.judges, event, now, 0, lean);
  await api.call(admin, 'competitions.results.publish', { eventId: event.eventId, stage: 'final' });
  await new Promise((r) => setTimeout(r, 5)); // results become final strictly after the window's last instant
  await api.call(admin, 'competitions.results.finalize', { eventId: event.eventId, stage: 'final' });
}

interface Panel {
  judges: Claims[];
  arbiter: Claims;
}

interface SeededEvent {
  eventId: string;
  numbers: string[];
  aspects: string[];
}

async function setUpEvent(api: SeedApi, county: Tenant, admin: Claims, panel: Panel, competitionId: string, [trade, tradeEn]: [string, string], people: [string, string, number, string][], now: number): Promise<SeededEvent> {
  const event = await api.call(admin, 'competitions.events.create', {
    competitionId,
    name: `${trade}决赛`,
    nameEn: `${tradeEn} final`,
    tradeCode: trade,
    stages: [{ kind: 'final', startsAt: iso(now + 24 * 3600_000) }],
    registration: { opensAt: iso(now - 7 * 24 * 3600_000), closesAt: iso(now + 12 * 3600_000), trades: [trade], ageLimits: [] },
  });
  let version = Number(event.version);
  version = Number((await api.call(admin, 'competitions.events.saveScheme', { eventId: event.eventId, version, parts: scheme })).version);
  version = Number(
    (
      await api.call(admin, 'competitions.events.setPanel', {
        eventId: event.eventId,
        version,
        judges: panel.judges.map((u, i) => ({ userId: u.sub, chief: i === 0 })),
        arbiters: [panel.arbiter.sub],
      })
    ).version,
  );
  await api.call(admin, 'competitions.events.lockScheme', { eventId: event.eventId, version });
  for (const [i, [name, birth, seq, grade]] of people.entries()) {
    await api.call(api.staff(county.id), 'competitions.contestants.register', {
      eventId: event.eventId,
      unitId: county.unitIds[i % county.unitIds.length],
      name,
      idNumber: demoIdNumber(county.divisionCode, birth, seq),
      gender: seq % 2 === 1 ? 'male' : 'female',
      tradeCode: trade,
      skillGrade: grade,
      member: true,
    });
  }
  await api.call(admin, 'competitions.judging.drawWorkNumbers', { eventId: event.eventId, stage: 'final' });
  const sheet = await api.query(panel.judges[0]!, 'competitions.judging.sheet', { eventId: event.eventId, stage: 'final' });
  return { eventId: String(event.eventId), numbers: sheet.workNumbers as string[], aspects: ['T1', 'P1', 'P2', 'P3', 'P4'] };
}

/** How a judge's hand differs from the seed's scores: judge index, aspect, the seed's value, the work's index → the judge's value. */
type Lean = (judge: number, aspectCode: string, value: number, work: number) => number;

/** Every judge scores every number (`skip` numbers at the end left unmarked: a 赛项 still being marked). */
async function scoreAll(api: SeedApi, judges: Claims[], event: SeededEvent, now: number, skip: number, lean: Lean = (_j, _a, v) => v): Promise<void> {
  const numbers = event.numbers.slice(0, event.numbers.length - skip);
  for (const [j, judge] of judges.entries()) {
    const entries = numbers.flatMap((workNumber, n) =>
      event.aspects
        .filter((a) => a !== 'P4' || j === 0) // one judge enters the measured value
        .map((aspectCode) => ({
          clientId: `seed-${event.eventId}-${workNumber}-${aspectCode}-${j}`,
          workNumber,
          aspectCode,
          value: lean(
            j,
            aspectCode,
            aspectCode === 'T1' ? 9_500 - n * 350 - j * 20 : aspectCode === 'P4' ? 1000 + (n % 4) * 2 : Math.max(0, 3 - ((n + j) % 3 === 0 && n > 1 ? 1 : 0) - (n > 3 ? 1 : 0)),
            n,
          ),
          recordedAt: iso(now),
        })),
    );
    await api.call(judge, 'competitions.judging.submitScores', { eventId: event.eventId, stage: 'final', entries });
  }
}
