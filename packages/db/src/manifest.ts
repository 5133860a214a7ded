/**
 * Single-table manifest. Pure data with no imports: infra (CDK) and the local bootstrap
 * both read it, so the deployed table and the local one cannot drift.
 */
export const tableManifest = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  /** Outbox items expire through DynamoDB TTL once the stream has carried them. */
  ttlAttribute: 'ttl',
  /** The stream carries new images; the relay / Pipe keeps only `kind = "event"` items. */
  streamViewType: 'NEW_IMAGE',
  outboxKind: 'event',
  outboxTtlSeconds: 7 * 24 * 3600,
  /**
   * How long a consumer remembers it handled an event (its `processed` marker). A redriven event
   * is a no-op for the consumers that already handled it as long as it comes back within this
   * time: the SQS dead-letter queues keep messages for less (14 days, an infra test checks it).
   */
  processedMarkerTtlSeconds: 35 * 24 * 3600,
  globalSecondaryIndexes: [
    {
      /** Look an entity up by an alternate key inside its tenant (e.g. a unit by USCC, a user by login). */
      indexName: 'byLookup',
      partitionKey: { name: 'lookupPk', type: 'S' },
      sortKey: { name: 'lookupSk', type: 'S' },
      projection: 'ALL',
    },
  ],
} as const;

export type TableManifest = typeof tableManifest;
export const tableAttributeDefinitions = [
  tableManifest.partitionKey,
  tableManifest.sortKey,
  ...tableManifest.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
];
