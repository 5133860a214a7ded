import { startDynamoLocal, type DynamoLocal } from './dynamo-local.js';

/** What `/health` reports as `store` and what the API checks before a call (503 while `ok` is false). */
export interface StoreStatus {
  ok: boolean;
  /** Why the store is down (English; for the operator and the log). */
  reason?: string;
  /** JVM restarts so far in this run. */
  restarts: number;
}

export interface SupervisorOptions {
  dbPath: string;
  /** Restart attempts for one outage before giving up (default 3). */
  maxRestarts?: number;
  /** Wait before restart attempt n (the last value repeats). */
  backoffMs?: readonly number[];
  /** A JVM up this long counts as recovered: the next outage gets the full number of attempts again. */
  stableAfterMs?: number;
  log?: (line: string) => void;
  /** A new JVM serves the same port and data (record its PID, let the relay re-read from its checkpoints). */
  onRestarted?: (ddb: DynamoLocal) => void;
  /** The restarts are exhausted: the store stays down. */
  onGaveUp?: (err: Error) => void;
}

export class StoreUnavailableError extends Error {}

/**
 * Runs DynamoDB Local and restarts it when it exits without being asked to: the same port (so every client
 * keeps its endpoint) and the same database directory. Bounded: `maxRestarts` attempts per outage with
 * backoff, then `onGaveUp`. A JVM that dies again soon after a restart does not get a fresh budget.
 */
export class SupervisedDynamoLocal {
  private current?: DynamoLocal;
  private stopping = false;
  private down?: string;
  private restarts = 0;
  private attemptsThisOutage = 0;
  private upSince = 0;
  private port?: number;
  private readonly maxRestarts: number;
  private readonly backoffMs: readonly number[];
  private readonly stableAfterMs: number;
  private readonly log: (line: string) => void;

  constructor(private readonly opts: SupervisorOptions) {
    this.maxRestarts = opts.maxRestarts ?? 3;
    this.backoffMs = opts.backoffMs ?? [500, 2_000, 5_000];
    this.stableAfterMs = opts.stableAfterMs ?? 60_000;
    this.log = opts.log ?? (() => {});
  }

  /** The first start: a failure here is thrown (nothing to restart yet). */
  async start(): Promise<DynamoLocal> {
    const ddb = await startDynamoLocal({ dbPath: this.opts.dbPath });
    this.port = ddb.port;
    this.adopt(ddb);
    return ddb;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.current?.process.pid;
  }

  status(): StoreStatus {
    return this.down ? { ok: false, reason: this.down, restarts: this.restarts } : { ok: true, restarts: this.restarts };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.current?.stop();
  }

  private adopt(ddb: DynamoLocal): void {
    this.current = ddb;
    this.upSince = Date.now();
    ddb.process.once('exit', (code, signal) => {
      if (this.stopping || this.current !== ddb) return;
      void this.recover(`DynamoDB Local exited unexpectedly (${signal ?? `code ${code}`})`);
    });
  }

  private async recover(cause: string): Promise<void> {
    if (Date.now() - this.upSince >= this.stableAfterMs) this.attemptsThisOutage = 0;
    let lastError = cause;
    while (!this.stopping) {
      if (this.attemptsThisOutage >= this.maxRestarts) {
        this.down = `${cause}; not restarted: ${this.maxRestarts} restart attempt(s) used up (last: ${lastError})`;
        this.log(`store: ${this.down}`);
        this.opts.onGaveUp?.(new StoreUnavailableError(this.down));
        return;
      }
      const attempt = ++this.attemptsThisOutage;
      this.down = `${cause}; restarting (attempt ${attempt} of ${this.maxRestarts})`;
      this.log(`store: ${this.down}`);
      const wait = this.backoffMs[Math.min(attempt - 1, this.backoffMs.length - 1)] ?? 0;
      await new Promise((r) => setTimeout(r, wait));
      if (this.stopping) return;
      try {
        const ddb = await startDynamoLocal({ dbPath: this.opts.dbPath, port: this.port });
        if (this.stopping) {
          await ddb.stop(); // stopped while it was starting
          return;
        }
        this.restarts++;
        this.down = undefined;
        this.adopt(ddb);
        this.log(`store: DynamoDB Local restarted (PID ${ddb.process.pid}, restart ${this.restarts})`);
        this.opts.onRestarted?.(ddb);
        return;
      } catch (err) {
        lastError = (err as Error).message.split('\n')[0] ?? String(err);
      }
    }
  }
}
