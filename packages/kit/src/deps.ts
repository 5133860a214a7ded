import type { DigestSigner } from '@ufp/core/audit/chain';
import type { Clock } from '@ufp/core/clock';
import type { BlobStore } from '@ufp/core/evidence/blob-store';
import type { FieldCipher } from '@ufp/core/pii/envelope';
import type { IndicatorDictionary } from '@ufp/core/rollups/indicators';
import type { CursorCodec } from '@ufp/db/cursor';
import type { AuditRepository } from '@ufp/db/repositories/audit';
import type { DeadLetterRepository } from '@ufp/db/repositories/dead-letters';
import type { TenantRepository } from '@ufp/db/repositories/tenants';
import type { UnitRepository } from '@ufp/db/repositories/units';
import type { UserRepository } from '@ufp/db/repositories/users';
import type { Table } from '@ufp/db/table';
import type { ConsumerRunner } from '@ufp/events/consumer-runner';
import type { DeadLetterOffice, TableDeadLetterSource } from '@ufp/events/dead-letters';
import type { FairUse } from './fair-use.js';
import type { ModuleRecount } from './module.js';

/** Everything a procedure may use; built once per runtime by `createRuntime`. */
export interface ApiDeps {
  /** Every registered module's rollup indicators. */
  indicators: IndicatorDictionary;
  /** Every registered module's recount of its rollup figures from its records (the cockpit's 重新核算). */
  recounts(): Promise<readonly ModuleRecount[]>;
  table: Table;
  clock: Clock;
  cursors: CursorCodec;
  cipher: FieldCipher;
  /** Key for blind indexes (keyed HMAC look-ups of personal data); never stored in the table. */
  blindIndexKey: Buffer;
  /** Verifies the audit log's sealed digests (a key held outside the table). */
  auditSigner: DigestSigner;
  tenants: TenantRepository;
  units: UnitRepository;
  users: UserRepository;
  audit: AuditRepository;
  deadLetters: DeadLetterRepository;
  /** Consumer failures parked in the table (a tenant admin replays their own tenant's). */
  parkedLetters: TableDeadLetterSource;
  /** Every dead letter — parked, and in AWS the SQS dead-letter queues — for the platform operator. */
  deadLetterOffice: DeadLetterOffice;
  runner: ConsumerRunner;
  /** Per-tenant fairness: counts every procedure call, refuses a subject over its limit with 429. */
  fairUse: FairUse;
  /** Evidence files (a directory locally, S3 in AWS); absent where no store is configured. */
  blobs?: BlobStore;
}
