import { mapLimit } from '@ufp/core/map-limit';
/**
 * Dead letters, wherever they are held: the port every holder implements (the table's parked
 * consumer failures in both runtimes, the SQS dead-letter queues of the rules, the Pipe and the
 * consumer functions in AWS), one view of them for the platform operator, and a redrive that
 * puts each event back where it failed. Redrive is safe to repeat: every consumer is idempotent
 * (a `processed` marker per handler and event), so an event delivered twice changes nothing.
 */
import type { EventEnvelope } from '@ufp/core/events';
import { DomainError } from '@ufp/core/errors';
import { PLATFORM_AUDIT_TENANT } from '@ufp/core/tenancy/scope';
import { platformPrefix, tenantPrefix } from '@ufp/db/keys';
import type { DeadLetter, DeadLetterRepository } from '@ufp/db/repositories/dead-letters';
import type { TenantRepository } from '@ufp/db/repositories/tenants';
import type { ConsumerRunner, Redeliver } from './consumer-runner.js';
import { tenantTickModule } from './rules.js';

/** Who failed to deliver: a consumer (its handler threw), a rule (EventBridge → target), the Pipe (stream → bus). */
export const deadLetterSourceKinds = ['consumer', 'rule', 'pipe'] as const;
export type DeadLetterSourceKind = (typeof deadLetterSourceKinds)[number];

/** The tenant id the view gives platform-owned events (the daily tick): the platform's reserved id. */
export const PLATFORM_OWNER = PLATFORM_AUDIT_TENANT;

/**
 * One dead letter. Events carry ids and numbers only (never personal data), so does this view;
 * `reason` is the failure's one-line message, never a stack.
 */
export interface DeadLetterView {
  /** `table/<tenantId>/<letterId>` or `sqs/<queueKey>/<messageId>[/<sequenceNumber>]`. */
  id: string;
  source: DeadLetterSourceKind;
  /** The consumer (handler name), the rule or the pipe that could not deliver it. */
  target: string;
  /** Where it is held: `table`, or the key of the SQS queue. */
  holder: string;
  /** `platform` for platform-owned events; null when the event itself cannot be read. */
  tenantId: string | null;
  module: string | null;
  eventType: string | null;
  eventId: string | null;
  occurredAt: string | null;
  failedAt: string;
  /** Delivery attempts made, where the holder records them. */
  attempts: number | null;
  reason: string;
  /** False when it cannot be put back from here (a Pipe record the stream no longer holds, an unreadable envelope). */
  redrivable: boolean;
  envelope: EventEnvelope | null;
  /** The same failure also held in a consumer's failure queue: redriven (a no-op) and cleared with this letter. */
  copies?: string[];
}

/** A queue and how many messages it holds (SQS's approximate count) against how many were listed. */
export interface QueueSummary {
  key: string;
  source: DeadLetterSourceKind | 'schedule';
  target: string;
  depth: number | null;
  listed: number;
}

export interface DeadLetterListing {
  letters: DeadLetterView[];
  queues: QueueSummary[];
  /** A holder had more than it lists at once. */
  truncated: boolean;
}

export type RedriveOutcome =
  /** Delivered to its consumer again and handled now. */
  | 'processed'
  /** Its consumer had handled it meanwhile: nothing to do, the letter is cleared. */
  | 'duplicate'
  /** Put back on the bus (EventBridge accepted it); the queue's message is deleted. */
  | 'redriven'
  /** The consumer failed again, or the bus refused it: the letter stays, with this reason. */
  | 'failed'
  | 'notFound'
  | 'notRedrivable';

export interface RedriveResult {
  id: string;
  outcome: RedriveOutcome;
  reason?: string;
  /** Set for a copy redriven together with the letter it duplicates. */
  copyOf?: string;
}

/** A holder of dead letters. Ids it hands out start with `<scheme>/`. */
export interface DeadLetterSource {
  readonly scheme: string;
  list(): Promise<DeadLetterListing>;
  /** Redrives the letters it holds among `ids`; each id gets one result. */
  redrive(ids: readonly string[]): Promise<RedriveResult[]>;
}

/** Puts events back on the bus (EventBridge PutEvents in AWS); one outcome per envelope, in order. */
export interface EventRedriver {
  put(envelopes: readonly EventEnvelope[]): Promise<({ accepted: true } | { accepted: false; reason: string })[]>;
}

/** `hardship.aid.granted` → `hardship`; a tenant's tick → the module whose tick consumer (`contractsTick`) it failed in. */
export const moduleOf = (eventType: string | null | undefined, handler?: string | null): string | null => {
  if (eventType === 'schedule.tenantTick' && handler) return tenantTickModule(handler) ?? 'schedule';
  return eventType ? (eventType.split('.')[0] ?? null) : null;
};

/** The tenant an envelope belongs to, as the view names it. */
export const tenantOf = (envelope: EventEnvelope): string => envelope.detail?.meta?.tenantId || PLATFORM_OWNER;

export const schemeOf = (id: string): string => id.split('/', 1)[0] ?? '';

// ── The table: consumer failures parked by the runner ─────────────────────────────────────

const ownerPrefix = (tenantId: string): string => (tenantId === PLATFORM_OWNER ? platformPrefix : tenantPrefix(tenantId));

export interface TableDeadLetterSourceOptions {
  tenants: TenantRepository;
  letters: DeadLetterRepository;
  runner: ConsumerRunner;
  /** How a parked event reaches its consumer again: the local bus locally, the runner in AWS. */
  redeliver?: Redeliver;
  /** Owners read in parallel. */
  concurrency?: number;
}

/**
 * Consumer failures parked in the table, per tenant (`T#<t>#DLQ`) and for the platform
 * (`PLATFORM#DLQ`). A redrive hands the event to the one consumer that failed — not to the whole
 * bus: the other consumers already handled it, and their processed markers expire (35 days),
 * while a parked letter does not.
 */
export class TableDeadLetterSource implements DeadLetterSource {
  readonly scheme = 'table';

  constructor(private readonly opts: TableDeadLetterSourceOptions) {}

  static idOf(tenantId: string, letterId: string): string {
    return `table/${tenantId}/${letterId}`;
  }

  async list(): Promise<DeadLetterListing> {
    const tenants = await this.opts.tenants.list();
    const owners = [PLATFORM_OWNER, ...tenants.map((t) => t.id)];
    const perOwner = await mapLimit(owners, this.opts.concurrency ?? 4, async (tenantId) =>
      (await this.opts.letters.listAll(ownerPrefix(tenantId))).map((letter) => viewOfParked(tenantId, letter)),
    );
    return { letters: perOwner.flat(), queues: [], truncated: false };
  }

  async redrive(ids: readonly string[]): Promise<RedriveResult[]> {
    const results: RedriveResult[] = [];
    for (const id of ids) {
      const [scheme, tenantId, letterId, ...rest] = id.split('/');
      if (scheme !== this.scheme || !tenantId || !letterId || rest.length) {
        results.push({ id, outcome: 'notFound' });
        continue;
      }
      try {
        const replay = await this.opts.runner.replay(ownerPrefix(tenantId), letterId, this.opts.redeliver);
        results.push(replay.outcome === 'failed' ? { id, outcome: 'failed', reason: replay.reason } : { id, outcome: replay.outcome });
      } catch (err) {
        if (err instanceof DomainError && err.kind === 'not_found') results.push({ id, outcome: 'notFound' });
        else throw err;
      }
    }
    return results;
  }
}

function viewOfParked(tenantId: string, letter: DeadLetter): DeadLetterView {
  let envelope: EventEnvelope | null = null;
  try {
    envelope = JSON.parse(letter.envelope) as EventEnvelope;
  } catch {
    // A parked envelope is the runner's own JSON; unreadable would mean a hand-edited item.
  }
  return {
    id: TableDeadLetterSource.idOf(tenantId, letter.id),
    source: 'consumer',
    target: letter.handler,
    holder: 'table',
    tenantId,
    module: moduleOf(letter.eventType, letter.handler),
    eventType: letter.eventType,
    eventId: letter.eventId,
    occurredAt: envelope?.detail?.meta?.occurredAt ?? envelope?.time ?? null,
    failedAt: letter.failedAt,
    attempts: letter.attempts,
    reason: letter.error,
    redrivable: envelope !== null,
    envelope,
  };
}

// ── The operator's office: every holder in one view ───────────────────────────────────────

export interface DeadLetterFilter {
  tenantId?: string;
  module?: string;
  source?: DeadLetterSourceKind;
}

export interface DeadLetterCount {
  tenantId: string | null;
  module: string | null;
  source: DeadLetterSourceKind;
  count: number;
}

export interface DeadLetterOverview {
  /** Letters matching the filter, latest failure first, at most `limit`. */
  letters: DeadLetterView[];
  /** How many letters match the filter (may exceed `letters.length`). */
  matching: number;
  /** Every letter, counted per tenant, module and source (unfiltered: the whole picture). */
  counts: DeadLetterCount[];
  queues: QueueSummary[];
  truncated: boolean;
}

export interface RedriveSummary {
  results: RedriveResult[];
  /** Handled now or already: processed, duplicate or redriven. */
  succeeded: number;
  failed: number;
  skipped: number;
}

const MAX_LISTED = 500;
/** Letters redriven by one call: bounded so a call ends well inside the API's 29 s. */
export const MAX_REDRIVE = 100;

/**
 * The platform operator's dead-letter office: lists every holder's letters as one view (a
 * consumer failure that AWS also kept in the consumer's failure queue shows once, with that
 * copy attached) and redrives them — consumer letters first, then queued ones, each holder its
 * own way. A letter that fails again stays where it is, with the new reason.
 */
export class DeadLetterOffice {
  constructor(private readonly sources: readonly DeadLetterSource[]) {}

  async overview(filter: DeadLetterFilter = {}, limit = MAX_LISTED): Promise<DeadLetterOverview> {
    const listings = await Promise.all(this.sources.map((s) => s.list()));
    const all = foldCopies(listings.flatMap((l) => l.letters)).sort((a, b) => b.failedAt.localeCompare(a.failedAt));
    const matching = all.filter((l) => matches(l, filter));
    return {
      letters: matching.slice(0, limit),
      matching: matching.length,
      counts: countByTenantModuleSource(all),
      queues: listings.flatMap((l) => l.queues),
      truncated: listings.some((l) => l.truncated),
    };
  }

  async redrive(ids: readonly string[]): Promise<RedriveSummary> {
    const { letters } = await this.overview({}, Number.MAX_SAFE_INTEGER);
    return this.redriveLetters(ids, new Map(letters.map((l) => [l.id, l])));
  }

  /** Every redrivable letter the filter matches, up to `MAX_REDRIVE` per call. */
  async redriveAll(filter: DeadLetterFilter): Promise<RedriveSummary & { remaining: number }> {
    const { letters } = await this.overview({}, Number.MAX_SAFE_INTEGER);
    const chosen = letters.filter((l) => matches(l, filter) && l.redrivable);
    const summary = await this.redriveLetters(
      chosen.slice(0, MAX_REDRIVE).map((l) => l.id),
      new Map(letters.map((l) => [l.id, l])),
    );
    return { ...summary, remaining: Math.max(0, chosen.length - MAX_REDRIVE) };
  }

  private async redriveLetters(ids: readonly string[], known: ReadonlyMap<string, DeadLetterView>): Promise<RedriveSummary> {
    const results: RedriveResult[] = [];
    const wanted: DeadLetterView[] = [];
    for (const id of new Set(ids)) {
      const letter = known.get(id);
      if (!letter) results.push({ id, outcome: 'notFound' });
      else if (!letter.redrivable) results.push({ id, outcome: 'notRedrivable', reason: letter.reason });
      else wanted.push(letter);
    }
    // Consumer letters first: their copies in a failure queue are redriven only once the consumer handled the event.
    const inTable = wanted.filter((l) => schemeOf(l.id) === 'table');
    const handled = new Set<string>();
    for (const result of await this.bySource(inTable.map((l) => l.id))) {
      results.push(result);
      if (result.outcome === 'processed' || result.outcome === 'duplicate') handled.add(result.id);
    }
    const copies = inTable.filter((l) => handled.has(l.id)).flatMap((l) => (l.copies ?? []).map((copy) => ({ copy, of: l.id })));
    const rest = wanted.filter((l) => schemeOf(l.id) !== 'table').map((l) => l.id);
    const copyOf = new Map(copies.map((c) => [c.copy, c.of]));
    for (const result of await this.bySource([...rest, ...copies.map((c) => c.copy)])) {
      const of = copyOf.get(result.id);
      results.push(of && !rest.includes(result.id) ? { ...result, copyOf: of } : result);
    }
    const succeeded = results.filter((r) => !r.copyOf && ['processed', 'duplicate', 'redriven'].includes(r.outcome)).length;
    const failed = results.filter((r) => !r.copyOf && r.outcome === 'failed').length;
    return { results, succeeded, failed, skipped: results.filter((r) => !r.copyOf).length - succeeded - failed };
  }

  private async bySource(ids: readonly string[]): Promise<RedriveResult[]> {
    const results: RedriveResult[] = [];
    for (const source of this.sources) {
      const mine = ids.filter((id) => schemeOf(id) === source.scheme);
      if (mine.length) results.push(...(await source.redrive(mine)));
    }
    return results;
  }
}

function matches(letter: DeadLetterView, filter: DeadLetterFilter): boolean {
  return (
    (!filter.tenantId || letter.tenantId === filter.tenantId) &&
    (!filter.module || letter.module === filter.module) &&
    (!filter.source || letter.source === filter.source)
  );
}

/**
 * In AWS a consumer that parked an event also fails its invocation (so it is alarmed), and after
 * Lambda's retries the invocation lands in the consumer's failure queue: the same failure twice.
 * The view shows the parked letter, with the queued copy attached.
 */
function foldCopies(letters: readonly DeadLetterView[]): DeadLetterView[] {
  const key = (l: DeadLetterView) => `${l.target}|${l.eventId}`;
  const parked = new Map(letters.filter((l) => l.holder === 'table' && l.eventId).map((l) => [key(l), l.id]));
  const copies = new Map<string, string[]>();
  const out: DeadLetterView[] = [];
  for (const letter of letters) {
    const original = letter.holder !== 'table' && letter.source === 'consumer' && letter.eventId ? parked.get(key(letter)) : undefined;
    if (original) copies.set(original, [...(copies.get(original) ?? []), letter.id]);
    else out.push(letter);
  }
  return out.map((l) => (copies.has(l.id) ? { ...l, copies: copies.get(l.id) } : l));
}

function countByTenantModuleSource(letters: readonly DeadLetterView[]): DeadLetterCount[] {
  const counts = new Map<string, DeadLetterCount>();
  for (const l of letters) {
    const k = `${l.tenantId}|${l.module}|${l.source}`;
    const c = counts.get(k) ?? { tenantId: l.tenantId, module: l.module, source: l.source, count: 0 };
    c.count++;
    counts.set(k, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || String(a.tenantId).localeCompare(String(b.tenantId)));
}

