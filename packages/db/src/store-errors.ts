/** Socket-level failures: the store process is not there (or went away mid-call). */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);
/** DynamoDB's own "try again later" answers (still failing after the SDK's retries). */
const UNAVAILABLE_NAMES = new Set([
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/**
 * True when a call failed because the store could not serve it right now — the local JVM is down or
 * restarting, a connection was reset, DynamoDB answered 5xx or kept throttling — rather than because of
 * the request. Such a call is answered 503 "try again", never 500. Follows `cause` chains.
 */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, errno } = e as { code?: unknown; name?: unknown; errno?: unknown };
    if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
    if (typeof errno === 'string' && UNREACHABLE_CODES.has(errno)) return true;
    if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  }
  return false;
}

/**
 * True when DynamoDB cancelled a transaction because another write to one of its items was in progress — a hot
 * item such as a province's TOTAL rollup row. Transient: the same transaction, sent again shortly, goes through.
 * (DynamoDB Local serialises transactions and never answers this; AWS does under concurrency.)
 */
export function isTransactionConflict(err: unknown): boolean {
  const { name, CancellationReasons } = (err ?? {}) as { name?: string; CancellationReasons?: { Code?: string }[] };
  return name === 'TransactionCanceledException' && (CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict') && !(CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed');
}
