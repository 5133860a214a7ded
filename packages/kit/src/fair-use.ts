/**
 * Per-tenant fairness: a tenant whose users (or scripts) call the API far more than a federation's
 * console ever does gets 429 with `Retry-After`, and the other tenants are not slowed by it.
 *
 * Every procedure call is counted against its caller's subject — the tenant of a verified token,
 * else the signed-in user (operator, leadership viewer by scope), else the anonymous client's
 * address (a keyed hash of it) — in fixed windows of `windowSeconds`. A forged or expired token
 * counts against the address that sent it, never against the tenant it names.
 *
 * Hybrid counting, because neither extreme fits a Lambda fleet:
 * - a count in each instance alone is free but per instance — a flood itself starts more instances,
 *   so each sees only its share and none of them stops it;
 * - a DynamoDB counter written on every call is global but doubles the writes of a read-heavy API.
 * Here each instance counts locally and ADDs its unreported calls to the subject's window item in the
 * table every `limit / reportShare` calls (one UpdateItem that returns the window's total across all
 * instances). A normal tenant rarely reaches one report per instance per window, so it costs almost
 * no writes; a flood costs one write per `limit / reportShare` calls. Once the total passes the limit
 * the instance refuses the subject until the window ends. The price is bounded slack: up to
 * `instances × limit / reportShare` calls more than the limit may pass in a window before every
 * instance has seen the total. The API Gateway stage and route throttles (infra) cap the aggregate.
 *
 * The local runtime runs exactly this code against DynamoDB Local. A failed counter write is logged
 * and the call admitted on the local count (fail open: metering must never take the API down).
 */
import { createHmac } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { DomainError } from '@ufp/core/errors';
import type { UsageSubject } from '@ufp/db/repositories/usage';

export type { UsageSubject } from '@ufp/db/repositories/usage';

export interface FairUseSettings {
  /** Length of a counting window, in seconds. */
  windowSeconds: number;
  /** Calls per window for all users of one tenant together (and for each signed-in user without a tenant). */
  perTenant: number;
  /** Calls per window for one anonymous client address (public pages, and calls without a valid token). */
  perPublicClient: number;
  /** Tenants whose limit differs from `perTenant` (tenant id → calls per window). */
  tenantOverrides: Readonly<Record<string, number>>;
  /** An instance reports to the shared counter every `limit / reportShare` calls of one subject. */
  reportShare: number;
}

/**
 * Never reached by a federation's console: a county's busiest day is a few calls per second across
 * all its staff and unit reporters (the cost model's province averages 8 calls/s for 150 tenants);
 * 1,200 a minute is 20/s sustained for a whole minute — a runaway script, not people.
 * A public page makes 1–2 calls per visit; 300 a minute per address leaves room for a meeting's
 * worth of phones behind one NAT scanning a 十件实事 QR code.
 */
export const defaultFairUseSettings: FairUseSettings = {
  windowSeconds: 60,
  perTenant: 1200,
  perPublicClient: 300,
  tenantOverrides: {},
  reportShare: 20,
};

/** `FAIR_USE_PER_TENANT` / `FAIR_USE_PER_PUBLIC_CLIENT` (calls per minute), read by both runtimes. */
export function fairUseSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): Partial<FairUseSettings> {
  const positive = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number of calls per minute (got ${JSON.stringify(raw)})`);
    return n;
  };
  const settings: Partial<FairUseSettings> = {};
  const perTenant = positive('FAIR_USE_PER_TENANT');
  const perPublicClient = positive('FAIR_USE_PER_PUBLIC_CLIENT');
  if (perTenant !== undefined) settings.perTenant = perTenant;
  if (perPublicClient !== undefined) settings.perPublicClient = perPublicClient;
  return settings;
}

/** The shared counter: `UsageCounterRepository` on the table. */
export interface UsageCounter {
  /** Adds `calls` to the subject's window and returns the window's total across all instances. */
  add(subject: UsageSubject, windowSeconds: number, windowStart: number, calls: number): Promise<number>;
}

interface SubjectState {
  /** Calls counted here and not yet reported. */
  unreported: number;
  /** Reported calls whose write has not answered yet. */
  inFlight: number;
  /** The window's total as the shared counter last answered (every instance's reported calls). */
  known: number;
  /** Refused until the window ends. */
  blocked: boolean;
}

export interface FairUseOptions {
  /** Real time in ms (rate windows are wall-clock seconds, like the Retry-After a client waits). */
  now?: () => number;
  log?: (entry: Record<string, unknown>) => void;
}

export class FairUse {
  readonly settings: FairUseSettings;
  private window = -1;
  private readonly subjects = new Map<string, SubjectState>();
  private readonly now: () => number;
  private readonly log: (entry: Record<string, unknown>) => void;

  constructor(
    private readonly counter: UsageCounter,
    settings: Partial<FairUseSettings> = {},
    opts: FairUseOptions = {},
  ) {
    this.settings = { ...defaultFairUseSettings, ...settings };
    for (const [name, value] of Object.entries({ windowSeconds: this.settings.windowSeconds, perTenant: this.settings.perTenant, perPublicClient: this.settings.perPublicClient, reportShare: this.settings.reportShare })) {
      if (!Number.isInteger(value) || value < 1) throw new Error(`fair use: ${name} must be a positive integer`);
    }
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((e) => console.error(JSON.stringify(e)));
  }

  limitFor(subject: UsageSubject): number {
    if (subject.kind === 'client') return this.settings.perPublicClient;
    if (subject.kind === 'tenant') return this.settings.tenantOverrides[subject.id] ?? this.settings.perTenant;
    return this.settings.perTenant;
  }

  /** Counts one call; throws 429 (`TOO_MANY_REQUESTS`, with the seconds to wait) when the subject is over its limit. */
  async admit(subject: UsageSubject): Promise<void> {
    const windowMs = this.settings.windowSeconds * 1000;
    const now = this.now();
    const window = Math.floor(now / windowMs);
    if (window !== this.window) {
      // Every subject shares the window grid: the previous window's states are all over.
      this.window = window;
      this.subjects.clear();
    }
    const retryAfter = () => Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    const id = `${subject.kind}:${subject.id}`;
    let state = this.subjects.get(id);
    if (!state) this.subjects.set(id, (state = { unreported: 0, inFlight: 0, known: 0, blocked: false }));
    if (state.blocked) throw tooManyRequests(retryAfter());

    const limit = this.limitFor(subject);
    state.unreported += 1;
    if (state.known + state.inFlight + state.unreported > limit) {
      state.blocked = true;
      throw tooManyRequests(retryAfter());
    }
    if (state.unreported < Math.max(1, Math.floor(limit / this.settings.reportShare))) return;

    const calls = state.unreported;
    state.unreported = 0;
    state.inFlight += calls;
    let total: number;
    try {
      total = await this.counter.add(subject, this.settings.windowSeconds, window * this.settings.windowSeconds, calls);
    } catch (err) {
      this.log({ level: 'warn', msg: 'fair use: usage counter write failed; admitting on the local count', subject: subject.kind, error: err instanceof Error ? err.name : String(err) });
      total = state.known + calls;
    } finally {
      state.inFlight -= calls;
    }
    // The state may belong to an earlier window by now (the map was cleared meanwhile): then it is unreachable.
    state.known = Math.max(state.known, total);
    if (state.known + state.inFlight + state.unreported > limit) {
      state.blocked = true;
      throw tooManyRequests(retryAfter());
    }
  }
}

/** A keyed hash for a user's subject or a client's address: the table never holds either. */
export function hashedSubject(kind: 'user' | 'client', value: string, key: Buffer): UsageSubject {
  return { kind, id: createHmac('sha256', key).update(`usage|${kind}|${value}`).digest('base64url').slice(0, 22) };
}

export const RATE_LIMITED_REASON = 'rate_limited';

export function tooManyRequests(retryAfterSeconds: number): TRPCError {
  const text = { zh: `请求过于频繁，请 ${retryAfterSeconds} 秒后重试`, en: `Too many requests; retry in ${retryAfterSeconds} seconds` };
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: text.zh,
    cause: new DomainError('conflict', text, { reason: RATE_LIMITED_REASON, retryAfterSeconds }),
  });
}

/** For tRPC's `responseMeta`: the `Retry-After` header (seconds) of a response carrying a 429. */
export function retryAfterHeaders(errors: readonly TRPCError[]): Record<string, string> | undefined {
  let seconds = 0;
  for (const error of errors) {
    const details = error.cause instanceof DomainError ? error.cause.details : undefined;
    if (error.code === 'TOO_MANY_REQUESTS' && typeof details?.retryAfterSeconds === 'number') seconds = Math.max(seconds, details.retryAfterSeconds);
  }
  return seconds > 0 ? { 'retry-after': String(seconds) } : undefined;
}
