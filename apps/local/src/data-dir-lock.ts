import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DYNAMO_LOCAL_MARKER } from './dynamo-local.js';

/** What `$DATA_DIR/.lock` holds while a local platform runs on that directory. */
export interface LockRecord {
  /** The Node process that holds the directory. */
  pid: number;
  /** Its start time as the kernel reports it (Linux), so a reused PID is not mistaken for it. */
  pidStartTime?: string;
  /** The DynamoDB Local JVM it started on `<dataDir>/dynamodb`, once started. */
  jvmPid?: number;
  startedAt: string;
  dataDir: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockRecord,
  ) {
    super(
      `数据目录 ${dataDir} 正由另一个平台进程使用（PID ${holder.pid}，启动于 ${holder.startedAt}）。请先停止它（Ctrl-C），或用 DATA_DIR 指定另一个目录。\n` +
        `The data directory ${dataDir} is in use by another platform process (PID ${holder.pid}, started ${holder.startedAt}). ` +
        'Stop it first (Ctrl-C), or choose another directory with DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Records the JVM now serving the directory (after a start or a restart). */
  recordJvm(pid: number): void;
  release(): void;
}

const LOCK_FILE = '.lock';

/**
 * Takes `$DATA_DIR/.lock` for this process, or refuses with DataDirLockedError while the recorded holder
 * lives. A lock left by a process that is gone is taken over; before that, a DynamoDB Local it left running
 * on this directory's database (its recorded JVM, or any other one found on the same `-dbPath`) is stopped:
 * SIGTERM, then SIGKILL. A process is only ever stopped when /proc shows it is that: a java process with
 * our launcher's marker or DynamoDBLocal.jar and `-dbPath <dataDir>/dynamodb` on its command line, so a
 * PID reused by anything else is left alone.
 */
export async function acquireDataDirLock(dataDir: string, log: (line: string) => void = () => {}, opts: { ownsStore?: boolean } = {}): Promise<DataDirLock> {
  // A platform on an external store (DDB_ENDPOINT) owns no JVM: one serving this directory's database is someone else's.
  const ownsStore = opts.ownsStore ?? true;
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  const dbPath = join(dir, 'dynamodb');
  const own: LockRecord = { pid: process.pid, pidStartTime: processStartTime(process.pid), startedAt: new Date().toISOString(), dataDir: dir };

  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, own)) {
      if (ownsStore) await stopOrphanedDynamoLocals(dbPath, undefined, log);
      return handle(path, own);
    }
    const text = readText(path);
    const holder = parseRecord(text);
    // (This very process holding it means it already runs a platform on this directory.)
    if (holder && (holder.pid === process.pid || isRunning(holder.pid, holder.pidStartTime))) throw new DataDirLockedError(dir, holder);
    log(`data dir lock: the previous holder${holder ? ` (PID ${holder.pid}, started ${holder.startedAt})` : ''} is gone; taking over`);
    if (ownsStore) await stopOrphanedDynamoLocals(dbPath, holder?.jvmPid, log);
    // Remove the stale lock only if it is still the one just judged stale (another starter may have replaced it).
    if (readText(path) === text) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  }
  const holder = parseRecord(readText(path));
  throw new DataDirLockedError(dir, holder ?? { pid: 0, startedAt: 'unknown', dataDir: dir });
}

function handle(path: string, own: LockRecord): DataDirLock {
  let current = own;
  return {
    path,
    recordJvm(pid) {
      current = { ...current, jvmPid: pid };
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(current));
      renameSync(tmp, path);
    },
    release() {
      const holder = parseRecord(readText(path));
      if (holder?.pid !== own.pid) return;
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    },
  };
}

function tryCreate(path: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(record));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseRecord(text: string | undefined): LockRecord | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as LockRecord;
    return Number.isInteger(value.pid) && value.pid > 0 ? value : undefined;
  } catch {
    return undefined; // torn or foreign: treated as stale
  }
}

/** Linux: field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined elsewhere or when gone. */
export function processStartTime(pid: number): string | undefined {
  const stat = procStat(pid);
  return stat?.fields[19];
}

/** The fields of /proc/<pid>/stat after the command name (which may contain spaces), state first. */
function procStat(pid: number): { fields: string[] } | undefined {
  const text = readText(`/proc/${pid}/stat`);
  if (!text) return undefined;
  const close = text.lastIndexOf(')');
  return { fields: text.slice(close + 2).trim().split(' ') };
}

const hasProc = () => existsSync('/proc/self/stat');

/** Alive (not a zombie) and, where the start time was recorded, still the same process. */
export function isRunning(pid: number, startTime?: string): boolean {
  if (hasProc()) {
    const stat = procStat(pid);
    if (!stat || stat.fields[0] === 'Z') return false;
    return startTime === undefined || stat.fields[19] === startTime;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string[] | undefined {
  const text = readText(`/proc/${pid}/cmdline`);
  return text ? text.split('\0').filter(Boolean) : undefined;
}

/** A DynamoDB Local JVM (ours, or started with DynamoDBLocal.jar) serving exactly this database directory. */
export function isDynamoLocalFor(pid: number, dbPath: string): boolean {
  const args = commandLine(pid);
  if (!args?.length || !/(^|\/)java$/.test(args[0]!)) return false;
  const launcher = args.includes(DYNAMO_LOCAL_MARKER) || args.some((a) => a.endsWith('DynamoDBLocal.jar'));
  const at = args.indexOf('-dbPath');
  return launcher && at >= 0 && resolve(args[at + 1] ?? '') === resolve(dbPath);
}

async function stopOrphanedDynamoLocals(dbPath: string, recordedJvm: number | undefined, log: (line: string) => void): Promise<void> {
  if (!hasProc()) {
    if (recordedJvm && isRunning(recordedJvm)) {
      log(`data dir lock: PID ${recordedJvm} may be a DynamoDB Local left by the previous run; without /proc it cannot be checked, so it is left running`);
    }
    return;
  }
  const candidates = new Set<number>();
  if (recordedJvm) candidates.add(recordedJvm);
  for (const entry of readdirSync('/proc')) {
    if (/^\d+$/.test(entry)) candidates.add(Number(entry));
  }
  for (const pid of candidates) {
    if (pid === process.pid || !isDynamoLocalFor(pid, dbPath)) continue;
    log(`data dir lock: stopping DynamoDB Local PID ${pid} left running on ${dbPath}`);
    await stopProcess(pid);
  }
}

async function stopProcess(pid: number): Promise<void> {
  const startTime = processStartTime(pid);
  const gone = () => !isRunning(pid, startTime);
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // gone already
    }
  };
  signal('SIGTERM');
  if (await waitFor(gone, 5_000)) return;
  signal('SIGKILL');
  if (!(await waitFor(gone, 5_000))) throw new Error(`could not stop DynamoDB Local PID ${pid}`);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return condition();
}
