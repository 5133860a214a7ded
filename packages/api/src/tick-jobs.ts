import type { DigestSigner } from '@ufp/core/audit/chain';
import type { Clock } from '@ufp/core/clock';
import type { Table } from '@ufp/db/table';
import { auditSealTickJob } from '@ufp/events/consumers/audit-seal';
import { contractsTickJob } from '@ufp/events/consumers/contracts-tick';
import type { TickJob } from '@ufp/events/consumers/daily-tick';
import { hardshipTickJob } from '@ufp/events/consumers/hardship-tick';
import { tenThingsTickJob } from '@ufp/events/consumers/ten-things-tick';

/** The jobs the daily tick runs; each module that keeps clocks adds its job here (one line). */
export function defaultTickJobs(table: Table, clock: Clock, auditSigner: DigestSigner, auditSealMarginMs?: number): TickJob[] {
  // Sealing runs last, so the day's tick writes are in the digest of the next day.
  return [contractsTickJob(table), hardshipTickJob(table), tenThingsTickJob(table), auditSealTickJob(table, auditSigner, clock, { marginMs: auditSealMarginMs })];
}
