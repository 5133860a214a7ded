/**
 * Key builders. Every tenant-owned partition key starts with `T#<tenantId>#` (room for IAM
 * dynamodb:LeadingKeys isolation); rollups live under `R#<divisionCode>#`; platform-owned
 * items under `PLATFORM`.
 */
export const tenantPrefix = (tenantId: string): string => `T#${tenantId}#`;

export const keys = {
  tenant: (tenantId: string) => ({ pk: 'PLATFORM', sk: `TENANT#${tenantId}` }),
  /** A tenant's last daily-tick run of one module (the operator's tenant list reads them in one query). */
  tenantTick: (tenantId: string, module: string) => ({ pk: 'PLATFORM', sk: `TENANTTICK#${tenantId}#${module}` }),
  /** The daily tick's last run. */
  lastTick: { pk: 'PLATFORM', sk: 'TICK#LAST' },
  tenantDivisionGuard: (code: string) => ({ pk: 'PLATFORM', sk: `DIVISION#${code}` }),
  unit: (tenantId: string, unitId: string) => ({ pk: `${tenantPrefix(tenantId)}UNIT`, sk: unitId }),
  unitPartition: (tenantId: string) => `${tenantPrefix(tenantId)}UNIT`,
  uniqueGuard: (tenantId: string, kind: string, value: string) => ({
    pk: `${tenantPrefix(tenantId)}UNIQ`,
    sk: `${kind}#${value}`,
  }),
  user: (tenantId: string, userId: string) => ({ pk: `${tenantPrefix(tenantId)}USER`, sk: userId }),
  userPartition: (tenantId: string) => `${tenantPrefix(tenantId)}USER`,
  scopedUser: (userId: string) => ({ pk: 'PLATFORM#USER', sk: userId }),
  audit: (tenantId: string, auditId: string) => ({ pk: `${tenantPrefix(tenantId)}AUDIT`, sk: auditId }),
  auditPartition: (tenantId: string) => `${tenantPrefix(tenantId)}AUDIT`,
  /** Sealed digests of a tenant's audit log (see audit-integrity.ts); append-only like the log. */
  auditDigestPartition: (tenantId: string) => `${tenantPrefix(tenantId)}AUDITDIGEST`,
  outbox: (ownerPrefix: string, eventId: string) => ({ pk: `${ownerPrefix}OUTBOX#${eventId}`, sk: 'EVENT' }),
  consumed: (ownerPrefix: string, handler: string, eventId: string) => ({
    pk: `${ownerPrefix}DONE#${handler}#${eventId}`,
    sk: 'MARK',
  }),
  deadLetter: (ownerPrefix: string, id: string) => ({ pk: `${ownerPrefix}DLQ`, sk: id }),
  deadLetterPartition: (ownerPrefix: string) => `${ownerPrefix}DLQ`,
  idempotency: (tenantId: string, key: string) => ({ pk: `${tenantPrefix(tenantId)}IDEM#${key}`, sk: 'RESPONSE' }),
  rollup: (code: string, year: number, row: string) => ({ pk: `R#${code}#${year}`, sk: row }),
  rollupPartition: (code: string, year: number) => `R#${code}#${year}`,
  /** The years a scope has rollup partitions for (a number set), so a stock is read across them. */
  rollupYears: (code: string) => ({ pk: `R#${code}#YEARS`, sk: 'YEARS' }),
  /** A scope's TOTAL deltas by month within a year (sk `01`–`12`): the trend line, twelve items at most. */
  rollupMonth: (code: string, year: number, month: number) => ({ pk: `R#${code}#${year}#MONTHS`, sk: String(month).padStart(2, '0') }),
  rollupMonths: (code: string, year: number) => `R#${code}#${year}#MONTHS`,
};

/** Items the platform (not a tenant) owns, such as the daily tick's dead letters. */
export const platformPrefix = 'PLATFORM#';
