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
  const county = api.tenants.find((t) => t.level === 'county');
  if (!county || county.unitIds.length === 0) return;
  const admin = api.admin(county.id);
  const now = Date.now();
  const year = new Date(now + 8 * 3600_000).getUTCFullYear();
  const users: Claims[] = [];
  for (const name of [...JUDGES, ARBITER]) {
    const user = await api.call(admin, 'users.create', { name, roles: ['federation_staff'], modules: ['competitions'] });
    users.push({ sub: String(user.userId), roles: ['federation_staff'], tenantId: county.id, name });
  }
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
  const welding = await setUpEvent(api, county, admin, users, String(competition.competitionId), ['焊工', 'Welding'], WELDERS, now);
  await scoreAll(api, users.slice(0, JUDGES.length), welding, now, 0);
  await api.call(admin, 'competitions.results.publish', { eventId: welding.eventId, stage: 'final' });
  await new Promise((r) => setTimeout(r, 5)); // results become final strictly after the window's last instant
  await api.call(admin, 'competitions.results.finalize', { eventId: welding.eventId, stage: 'final' });
  const electric = await setUpEvent(api, county, admin, users, String(competition.competitionId), ['电工', 'Electrical work'], ELECTRICIANS, now);
  await scoreAll(api, users.slice(0, 3), electric, now, 1);
}

interface SeededEvent {
  eventId: string;
  numbers: string[];
  aspects: string[];
}

async function setUpEvent(api: SeedApi, county: Tenant, admin: Claims, users: Claims[], competitionId: string, [trade, tradeEn]: [string, string], people: [string, string, number, string][], now: number): Promise<SeededEvent> {
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
        judges: users.slice(0, JUDGES.length).map((u, i) => ({ userId: u.sub, chief: i === 0 })),
        arbiters: [users[JUDGES.length]!.sub],
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
  const sheet = await api.query(users[0]!, 'competitions.judging.sheet', { eventId: event.eventId, stage: 'final' });
  return { eventId: String(event.eventId), numbers: sheet.workNumbers as string[], aspects: ['T1', 'P1', 'P2', 'P3', 'P4'] };
}

/** Every judge scores every number (`skip` numbers at the end left unmarked: a 赛项 still being marked). */
async function scoreAll(api: SeedApi, judges: Claims[], event: SeededEvent, now: number, skip: number): Promise<void> {
  const numbers = event.numbers.slice(0, event.numbers.length - skip);
  for (const [j, judge] of judges.entries()) {
    const entries = numbers.flatMap((workNumber, n) =>
      event.aspects
        .filter((a) => a !== 'P4' || j === 0) // one judge enters the measured value
        .map((aspectCode) => ({
          clientId: `seed-${event.eventId}-${workNumber}-${aspectCode}-${j}`,
          workNumber,
          aspectCode,
          value: aspectCode === 'T1' ? 9_500 - n * 350 - j * 20 : aspectCode === 'P4' ? 1000 + (n % 4) * 2 : Math.max(0, 3 - ((n + j) % 3 === 0 && n > 1 ? 1 : 0) - (n > 3 ? 1 : 0)),
          recordedAt: iso(now),
        })),
    );
    await api.call(judge, 'competitions.judging.submitScores', { eventId: event.eventId, stage: 'final', entries });
  }
}
