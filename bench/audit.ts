import { sealAuditLog } from '@ufp/db/audit-integrity';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { benchAdmin, withBenchPlatform } from './platform.js';

const ENTRIES = Number(process.env.BENCH_AUDIT_ENTRIES ?? 10_000);

/**
 * The cost of the audit log's tamper check: `audit.verify` over 10,000 entries (through the API, as an
 * admin calls it), after the tick's sealing (also timed). Entries are real ones, written 25 to a
 * transaction as use cases write them (with their content hash).
 */
export async function benchAuditVerify(): Promise<{ sealPerSecond: number; verifyPerSecond: number }> {
  return withBenchPlatform(async ({ platform, call }) => {
    const { table } = platform.runtime.deps;
    const scope = { kind: 'tenant' as const, tenantId: '321281', divisionCode: '321281', actor: { sub: 'bench', roles: ['federation_admin' as const] } };
    const batches = Math.ceil(ENTRIES / 25);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let b = next++; b < batches; b = next++) {
          const uow = new UnitOfWork(table, { scope, correlationId: `bench-${b}`, now: new Date() });
          for (let i = 0; i < 25 && b * 25 + i < ENTRIES; i++) uow.audit({ action: 'units.update', entityType: 'unit', entityId: `unit-${b}-${i}`, summary: `修改基层工会（基准 ${b * 25 + i}）`, changes: { memberCount: { from: i, to: i + 1 } } });
          await uow.commit();
        }
      }),
    );
    const t0 = performance.now();
    const sealed = await sealAuditLog(table, platform.runtime.deps.auditSigner, '321281', { now: new Date(), sealBefore: new Date(Date.now() + 1000) });
    const sealSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const report = await call(benchAdmin, 'audit.verify', {}, 'query');
    const verifySeconds = (performance.now() - t1) / 1000;
    const result = { sealPerSecond: sealed.entries / sealSeconds, verifyPerSecond: report.checkedEntries / verifySeconds };
    console.log(`\nAudit log integrity — ${ENTRIES.toLocaleString('en')} entries of one tenant`);
    console.log(`seal (daily tick job): ${sealed.entries.toLocaleString('en')} entries into ${sealed.digests} digests in ${sealSeconds.toFixed(2)} s = ${Math.round(result.sealPerSecond).toLocaleString('en')} entries/s`);
    console.log(`audit.verify (API): ${report.checkedEntries.toLocaleString('en')} entries, ${report.checkedDigests} digests, ok=${report.ok} in ${verifySeconds.toFixed(2)} s = ${Math.round(result.verifyPerSecond).toLocaleString('en')} entries/s`);
    return result;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAuditVerify();
