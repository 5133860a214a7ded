import type { DigestSigner } from '@ufp/core/audit/chain';
import { systemClock, type Clock } from '@ufp/core/clock';
import { mapLimit } from '@ufp/core/map-limit';
import { PLATFORM_AUDIT_TENANT } from '@ufp/core/tenancy/scope';
import { sealAuditLog } from '@ufp/db/audit-integrity';
import { TenantRepository } from '@ufp/db/repositories/tenants';
import type { Table } from '@ufp/db/table';
import type { TickJob } from './daily-tick.js';

/**
 * Entries younger than this are left for the next seal: ids carry the wall-clock time they were minted
 * at, and a transaction still committing must not land an entry in a range already sealed.
 */
export const SEAL_MARGIN_MS = 5 * 60_000;

/** Logs sealed at once. */
const SEAL_CONCURRENCY = 8;

/**
 * Seals the audit log of every tenant — suspended ones too, their history stays evidence — and the
 * platform's own log, once a day (see db/audit-integrity.ts). A tenant whose sealing fails does not stop
 * the others; the failure is reported so the tick's retry and dead letter keep it visible.
 */
export function auditSealTickJob(table: Table, signer: DigestSigner, clock: Clock, opts: { marginMs?: number; wallClock?: Clock } = {}): TickJob {
  const { marginMs = SEAL_MARGIN_MS, wallClock = systemClock } = opts;
  const tenants = new TenantRepository(table, 0);
  return {
    name: 'audit.seal',
    async run() {
      const logs = [...(await tenants.list()).map((t) => t.id), PLATFORM_AUDIT_TENANT];
      const sealBefore = new Date(wallClock.now().getTime() - marginMs);
      const failures: string[] = [];
      // Each log is its own chain: a province's logs are sealed several at a time.
      await mapLimit(logs, SEAL_CONCURRENCY, async (tenantId) => {
        try {
          await sealAuditLog(table, signer, tenantId, { now: clock.now(), sealBefore });
        } catch (err) {
          failures.push(`${tenantId}: ${(err as Error).message}`);
        }
      });
      if (failures.length) throw new Error(`audit sealing failed for ${failures.length} log(s): ${failures.join('; ')}`);
    },
  };
}
