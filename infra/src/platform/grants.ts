/**
 * Who may do what on the table and the PII key (docs/deploy.md "Who may do what"). The
 * function factory (functions.ts) turns a `FunctionGrants` into IAM statements with exact
 * actions; nothing here uses a CDK `grant*()`.
 */

/** Item-level DynamoDB actions; no Scan, no table-level or control-plane actions. */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem'
  | 'dynamodb:BatchWriteItem';

export interface FunctionGrants {
  /**
   * Table actions this function uses. TransactWriteItems has no IAM action of its own: it is
   * authorised per item as PutItem/UpdateItem/DeleteItem/ConditionCheckItem.
   */
  readonly tableActions: readonly TableAction[];
  /** Use of the PII envelope key (GenerateDataKey/Decrypt) and read of the blind-index secret. */
  readonly pii: boolean;
  /** The audit-digest HMAC key: `generate` seals digests (the daily tick), `verify` checks them (audit.verify). */
  readonly auditMac?: 'generate' | 'verify';
}

/**
 * Audit entries and their digests are append-only: no function may update or delete an item in a
 * partition ending in AUDIT or AUDITDIGEST (an explicit Deny, whatever else a role is granted).
 */
export const appendOnlyPartitions = ['T#*#AUDIT', 'T#*#AUDITDIGEST'] as const;

/**
 * The API reads and writes every aggregate, parks/replays/removes dead letters (DeleteItem)
 * and runs consumers on replay, and it encrypts and blind-indexes personal data.
 */
export const apiGrants: FunctionGrants = {
  tableActions: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
  pii: true,
  auditMac: 'verify',
};

/**
 * A consumer reads its processed marker (GetItem), queries, and commits its effects with the
 * marker in one TransactWriteItems (Put/Update/ConditionCheck); parking a dead letter is a Put.
 * No Delete, no Batch*, no Scan — and no PII: consumers work on rollups and clocks.
 */
export const defaultConsumerGrants: FunctionGrants = {
  tableActions: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  pii: false,
};

/**
 * Per-handler overrides. A handler that is not listed gets `defaultConsumerGrants`, so a new
 * rule-table handler deploys with the narrow default until someone decides it needs more.
 */
export const consumerGrants: Partial<Record<string, FunctionGrants>> = {
  rollupProjector: defaultConsumerGrants,
  // The tick seals the audit log's digests once a day.
  dailyTick: { ...defaultConsumerGrants, auditMac: 'generate' },
  // The hand-overs open a household or a winner sealed by another module, look the person up by blind index
  // (BatchGetItem of the open-file guards for hardship) and seal what they keep under their own field.
  hardshipModelWorkerSurvey: { tableActions: [...defaultConsumerGrants.tableActions, 'dynamodb:BatchGetItem'], pii: true },
  modelWorkersCompetitionDrafts: { ...defaultConsumerGrants, pii: true },
  // A 台账 import encrypts ID numbers and phones, blind-indexes them and looks up open files and written rows in batches.
  hardshipLedgerImport: { tableActions: [...defaultConsumerGrants.tableActions, 'dynamodb:BatchGetItem'], pii: true },
  // A 劳模台账 import encrypts and blind-indexes ID numbers and phones, as the forms do.
  modelWorkersRegistryImport: { ...defaultConsumerGrants, pii: true },
};

/** A consumer function that needs more than the default 60 s / 512 MB, or the uploaded import workbooks. */
export interface ConsumerFunctionSettings {
  readonly timeoutSeconds: number;
  readonly memorySize: number;
  /** Reads `<tenant>/imports/*` objects of the evidence bucket (GetObject only). */
  readonly readsImports?: boolean;
  /**
   * The consumer's rules put its events on an intake queue, and the function reads them from it in batches (a consumer
   * that commits a batch together: the rollup projector). Only for a consumer whose rules let events come in any order
   * (`order: 'any'`): a standard queue keeps none.
   */
  readonly queued?: QueuedIntake;
}

export interface QueuedIntake {
  /** Events per invocation; at most 10, since more would need a batching window, which every event would wait out. */
  readonly batchSize: number;
  /** Invocations at once (Lambda's maximum concurrency for the queue, at least 2): they contend for the same TOTAL rows. */
  readonly maxConcurrency: number;
  /** Receives of a message before the queue moves it to its DLQ. */
  readonly maxReceiveCount: number;
}

export const defaultConsumerFunction: ConsumerFunctionSettings = { timeoutSeconds: 60, memorySize: 512 };

export const consumerFunctionSettings: Partial<Record<string, ConsumerFunctionSettings>> = {
  // Ten events per invocation share one write of each rollup row (a province's TOTAL rows most of all).
  rollupProjector: { ...defaultConsumerFunction, queued: { batchSize: 10, maxConcurrency: 10, maxReceiveCount: 5 } },
  // The check reads up to 20,000 rows in one invocation (about 10 s locally); a write step stops after 60 s.
  hardshipLedgerImport: { timeoutSeconds: 300, memorySize: 1536, readsImports: true },
  // At most 5,000 rows; a write step stops after 30 s (registry-job.ts).
  modelWorkersRegistryImport: { timeoutSeconds: 60, memorySize: 512, readsImports: true },
};

/**
 * What the operator's dead-letter page does on the platform's DLQs: list (receive with a visibility
 * timeout, release at once), count, and delete a message once its events are back on the bus.
 * DeleteMessageBatch and ChangeMessageVisibilityBatch are authorised by these same actions. No
 * SendMessage, no PurgeQueue.
 */
export const deadLetterQueueActions = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ChangeMessageVisibility'] as const;
