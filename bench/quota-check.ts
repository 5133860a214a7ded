import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { demoIdNumber } from '@ufp/kit/seed';
import type { Claims } from '@ufp/kit/auth';
import { campaignKeys, encodeRosterRows, rosterEntry } from '../packages/modules/model-workers/src/campaign-store.js';
import type { Nomination } from '../packages/modules/model-workers/src/domain/nomination.js';
import { benchAdmin, withBenchPlatform } from './platform.js';

const NOMINATIONS = Number(process.env.BENCH_MW_NOMINATIONS ?? 500);
const CALLS = Number(process.env.BENCH_MW_CALLS ?? 200);
const OCCUPATIONS = ['frontline', 'frontline', 'technical', 'manager', 'civil_servant'] as const;

/**
 * The live quota check of a 劳模 campaign with a 500-entry list: `modelWorkers.campaigns.whatIf` (add a person)
 * and `modelWorkers.campaigns.quota` through the real API on DynamoDB Local, p50/p95 ms per call (target: whatIf
 * p95 ≤ 50 ms). The list is written straight to the table (valid nomination items, as the service writes them);
 * with the campaign's roster item as the store writes it; the people to add go through the API. Figures only, no assertion.
 */
export async function benchQuotaCheck(): Promise<{ whatIfP50: number; whatIfP95: number; quotaP50: number; quotaP95: number }> {
  return withBenchPlatform(async ({ platform, call }) => {
    const staff: Claims = { sub: 'staff', roles: ['federation_staff'], tenantId: '321281' };
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const campaign = await call(benchAdmin, 'modelWorkers.campaigns.create', { code: 'city_craftsman', title: `${year}年市工匠推荐（基准）`, year, opensOn: today, closesOn: today, places: NOMINATIONS + 100 });
    await call(benchAdmin, 'modelWorkers.campaigns.publish', { campaignId: campaign.campaignId });
    const people: string[] = [];
    for (let i = 0; i < 10; i++) {
      const p = await call(staff, 'modelWorkers.people.create', { idNumber: demoIdNumber('321281', '19800101', 100 + i), name: `基准人员${i}`, education: 'secondary', occupation: OCCUPATIONS[i % OCCUPATIONS.length] });
      people.push(String(p.personId));
    }
    const now = new Date().toISOString();
    const items = Array.from({ length: NOMINATIONS }, (_, i): Nomination => ({
      nominationId: `bench-${String(i).padStart(4, '0')}`,
      tenantId: '321281',
      campaignId: String(campaign.campaignId),
      personId: `bench-person-${i}`,
      nameMasked: '基**',
      name: `基准${i}`,
      occupation: OCCUPATIONS[i % OCCUPATIONS.length]!,
      gender: i % 3 === 0 ? 'female' : 'male',
      migrantWorker: i % 4 === 0,
      minutesRef: '职代会决议',
      deedsShort: '事迹'.repeat(100),
      deedsLong: '详细事迹'.repeat(300),
      status: 'nominated',
      quotaAcknowledged: [],
      nominated: { by: 'bench', on: today },
      vetting: {},
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
    const table = platform.runtime.deps.table;
    for (let i = 0; i < items.length; i += 25) {
      const batch = items.slice(i, i + 25).map((n) => ({ PutRequest: { Item: { ...campaignKeys.nomination(n.tenantId, n.campaignId, n.nominationId), kind: 'modelWorkers.nomination', ...n } } }));
      await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: batch } }));
    }
    const roster = { tenantId: '321281', campaignId: String(campaign.campaignId), rows: encodeRosterRows(items.map(rosterEntry)), version: 1 };
    await table.doc.send(new BatchWriteCommand({ RequestItems: { [table.name]: [{ PutRequest: { Item: { ...campaignKeys.roster('321281', roster.campaignId), kind: 'modelWorkers.roster', ...roster } } }] } }));
    const measure = async (path: string, input: (i: number) => unknown) => {
      for (let i = 0; i < 20; i++) await call(staff, path, input(i), 'query'); // warm up
      const samples: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now();
        await call(staff, path, input(i), 'query');
        samples.push(performance.now() - t0);
      }
      samples.sort((a, b) => a - b);
      const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 10) / 10;
      return { p50: at(0.5), p95: at(0.95) };
    };
    const whatIf = await measure('modelWorkers.campaigns.whatIf', (i) => ({ campaignId: campaign.campaignId, add: people[i % people.length] }));
    const quota = await measure('modelWorkers.campaigns.quota', () => ({ campaignId: campaign.campaignId }));
    const check = await call(staff, 'modelWorkers.campaigns.quota', { campaignId: campaign.campaignId }, 'query');
    console.log(`劳模 live quota check, ${check.count} nominations (${CALLS} calls each, through the API on DynamoDB Local):`);
    console.log(`  modelWorkers.campaigns.whatIf  p50 ${whatIf.p50} ms  p95 ${whatIf.p95} ms  (target p95 ≤ 50 ms)`);
    console.log(`  modelWorkers.campaigns.quota   p50 ${quota.p50} ms  p95 ${quota.p95} ms`);
    return { whatIfP50: whatIf.p50, whatIfP95: whatIf.p95, quotaP50: quota.p50, quotaP95: quota.p95 };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchQuotaCheck();
