import { demoIdNumber } from '@ufp/kit/seed';
import { demoUscc } from '@ufp/local/seed';
import type { Claims } from '@ufp/kit/auth';
import { benchAdmin, withBenchPlatform } from './platform.js';

const CONTESTANTS = Number(process.env.BENCH_CMP_CONTESTANTS ?? 200);
const JUDGES = Number(process.env.BENCH_CMP_JUDGES ?? 7);
const ASPECTS = Number(process.env.BENCH_CMP_ASPECTS ?? 10);
const BATCH = Number(process.env.BENCH_CMP_BATCH ?? 100);
const FRESHNESS_SAMPLES = Number(process.env.BENCH_CMP_FRESHNESS ?? 40);
const T = '321281';

const at = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;

/**
 * 技能竞赛 judging at the issue's size: 200 contestants × 7 judges × 10 judgement aspects, every judge syncing their
 * sheet concurrently in batches (`competitions.judging.submitScores`, the tablets' offline sync) through the real API on
 * DynamoDB Local — scores stored per second; then scoreboard freshness: a judge submits one score while the others
 * keep syncing, and the public scoreboard (`competitions.public.scoreboard`) is read until it counts it — p50/p95 ms
 * from the submit call to the first scoreboard read showing the score. Figures only, no assertion.
 */
export async function benchCompetitions(): Promise<{ scoresPerSecond: number; freshnessP50: number; freshnessP95: number }> {
  return withBenchPlatform(async ({ call }) => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const year = new Date(now + 8 * 3600_000).getUTCFullYear();
    const unit = await call(benchAdmin, 'units.create', { name: '基准机械厂工会', type: 'enterprise', uscc: demoUscc(T, 1), memberCount: 500, chair: { name: '王五', phone: '13800001111' } });
    const judges: Claims[] = [];
    for (let j = 0; j < JUDGES + 1; j++) {
      const user = await call(benchAdmin, 'users.create', { name: `基准裁判${j + 1}`, roles: ['federation_staff'] });
      judges.push({ sub: String(user.userId), roles: ['federation_staff'], tenantId: T });
    }
    const competition = await call(benchAdmin, 'competitions.competitions.create', { name: `${year}年基准技能竞赛`, class: 'city', year, packCode: 'enterprise' });
    const event = await call(benchAdmin, 'competitions.events.create', {
      competitionId: competition.competitionId,
      name: '焊工',
      tradeCode: '焊工',
      stages: [{ kind: 'final', startsAt: iso(now + 3600_000) }],
      registration: { opensAt: iso(now - 3600_000), closesAt: iso(now + 1800_000), trades: ['焊工'] },
    });
    const aspects = Array.from({ length: ASPECTS }, (_, i) => ({
      code: `A${i + 1}`,
      kind: 'judgement',
      name: { zh: `评分项${i + 1}`, en: `Aspect ${i + 1}` },
      maxHundredths: 10_000 / ASPECTS,
      descriptors: ['未达到', '基本达到', '达到', '超出'],
    }));
    let version = (await call(benchAdmin, 'competitions.events.saveScheme', { eventId: event.eventId, version: event.version, parts: [{ code: 'P', kind: 'practical', name: { zh: '实操', en: 'Practical' }, weightBp: 10_000, aspects }] })).version;
    version = (await call(benchAdmin, 'competitions.events.lockScheme', { eventId: event.eventId, version })).version;
    await call(benchAdmin, 'competitions.events.setPanel', { eventId: event.eventId, version, judges: judges.map((j, i) => ({ userId: j.sub, chief: i === 0 })), arbiters: [] });
    for (let i = 0; i < CONTESTANTS; i++) {
      await call(benchAdmin, 'competitions.contestants.register', {
        eventId: event.eventId,
        unitId: unit.unitId,
        name: `选手${i + 1}`,
        idNumber: demoIdNumber(T, '19900101', i + 1),
        gender: (i + 1) % 2 === 1 ? 'male' : 'female', // the ID number's 17th digit: odd for a man
        tradeCode: '焊工',
        skillGrade: 'grade3',
        member: true,
      });
    }
    await call(benchAdmin, 'competitions.judging.drawWorkNumbers', { eventId: event.eventId, stage: 'final' });
    const sheet = await call(judges[0]!, 'competitions.judging.sheet', { eventId: event.eventId, stage: 'final' }, 'query');
    const numbers: string[] = sheet.workNumbers;
    const scorers = judges.slice(0, JUDGES);
    const entriesOf = (j: number) =>
      numbers.flatMap((workNumber, n) => aspects.map((a, k) => ({ clientId: `bench-${j}-${workNumber}-${a.code}`, workNumber, aspectCode: a.code, value: (n + k + j) % 4, recordedAt: iso(now) })));
    // The last work number is left unmarked by the first judge: the freshness probe marks it during the load.
    const probe = numbers[numbers.length - 1]!;
    const load = scorers.map((_, j) => entriesOf(j).filter((x) => !(j === 0 && x.workNumber === probe)));
    const total = load.reduce((s, l) => s + l.length, 0);
    const board = () => call(benchAdmin, 'competitions.public.scoreboard', { tenantId: T, eventId: event.eventId }, 'query');
    const markedOf = async () => ((await board()).lines as { label: string; marked: number }[]).find((l) => l.label === probe)?.marked ?? 0;

    const freshness: number[] = [];
    let stored = 0;
    const t0 = performance.now();
    const sync = scorers.map(async (judge, j) => {
      const mine = load[j]!;
      for (let i = 0; i < mine.length; i += BATCH) {
        const res = await call(judge, 'competitions.judging.submitScores', { eventId: event.eventId, stage: 'final', entries: mine.slice(i, i + BATCH) });
        stored += (res.accepted as string[]).length;
      }
    });
    const probing = (async () => {
      for (let k = 0; k < Math.min(FRESHNESS_SAMPLES, ASPECTS); k++) {
        const before = await markedOf();
        const started = performance.now();
        await call(scorers[0]!, 'competitions.judging.submitScores', { eventId: event.eventId, stage: 'final', entries: [{ clientId: `probe-${k}`, workNumber: probe, aspectCode: aspects[k]!.code, value: 2, recordedAt: iso(now) }] });
        while ((await markedOf()) <= before) {
          /* read again until the scoreboard counts it */
        }
        freshness.push(performance.now() - started);
      }
    })();
    await Promise.all([...sync, probing]);
    const seconds = (performance.now() - t0) / 1000;
    const scoresPerSecond = Math.round(stored / seconds);
    const boardTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      await board();
      boardTimes.push(performance.now() - s);
    }
    freshness.sort((a, b) => a - b);
    boardTimes.sort((a, b) => a - b);
    console.log(`技能竞赛 judging: ${CONTESTANTS} contestants × ${JUDGES} judges × ${ASPECTS} aspects, judges syncing concurrently in batches of ${BATCH} (through the API on DynamoDB Local):`);
    console.log(`  competitions.judging.submitScores  ${stored} of ${total} scores stored in ${seconds.toFixed(1)} s = ${scoresPerSecond} scores/s`);
    console.log(`  scoreboard freshness (submit → first scoreboard read counting it, during the load): p50 ${at(freshness, 0.5)} ms  p95 ${at(freshness, 0.95)} ms (${freshness.length} samples)`);
    console.log(`  competitions.public.scoreboard with ${stored} scores, idle: p50 ${at(boardTimes, 0.5)} ms  p95 ${at(boardTimes, 0.95)} ms; the big screen polls every few seconds, which adds up to one interval`);
    return { scoresPerSecond, freshnessP50: at(freshness, 0.5), freshnessP95: at(freshness, 0.95) };
  });
}
