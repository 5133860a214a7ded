import type { Clock } from '@ufp/core/clock';
import type { Table } from '@ufp/db/table';
import { contractsTickJob } from '@ufp/events/consumers/contracts-tick';
import type { TickJob } from '@ufp/events/consumers/daily-tick';
import { hardshipTickJob } from '@ufp/events/consumers/hardship-tick';
import { tenThingsTickJob } from '@ufp/events/consumers/ten-things-tick';

/** The jobs the daily tick runs; each module that keeps clocks adds its job here (one line). */
export function defaultTickJobs(_table: Table, _clock: Clock): TickJob[] {
  return [contractsTickJob(_table), hardshipTickJob(_table), tenThingsTickJob(_table)];
}
