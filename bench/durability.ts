// DynamoDB Local under kill -9: how many acknowledged writes survive? `pnpm exec tsx bench/durability.ts`
// Each trial writes unit-of-work-shaped transactions from DURABILITY_WORKERS clients (default 8), kills the JVM
// with SIGKILL after 40–100 acknowledgements, restarts it on the same files and looks for every acknowledged
// write. DURABILITY_TRIALS (default 5); DURABILITY_LAUNCHER=stock measures `java -jar DynamoDBLocal.jar` as
// its README starts it; DURABILITY_PUT=1 adds plain PutItem. A measurement, not a test: the README quotes it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { spawn, type ChildProcess } from 'node:child_process';
import { BatchGetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable, localDocumentClient } from '@ufp/db/table';
import { freePort, jarDirectory, startDynamoLocal, type DynamoLocal } from '@ufp/local/dynamo-local';

const TRIALS = Number(process.env.DURABILITY_TRIALS ?? 5);
const WORKERS = Number(process.env.DURABILITY_WORKERS ?? 8);

type Launcher = 'ours' | 'stock';

const stockJvms = new Set<ChildProcess>();
process.once('exit', () => stockJvms.forEach((c) => c.kill('SIGKILL')));

/** DynamoDB Local as its README starts it (`java -jar DynamoDBLocal.jar`), for the before/after figure. */
async function startStock(dbPath: string, port?: number): Promise<DynamoLocal> {
  const dir = jarDirectory();
  const p = port ?? (await freePort());
  mkdirSync(dbPath, { recursive: true });
  const child = spawn('java', ['-Djava.library.path=DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', '-port', String(p), '-sharedDb', '-disableTelemetry', '-dbPath', dbPath], { cwd: dir, stdio: 'ignore' });
  stockJvms.add(child);
  child.once('exit', () => stockJvms.delete(child));
  for (let i = 0; ; i++) {
    try {
      await (await fetch(`http://127.0.0.1:${p}/`, { method: 'POST' })).arrayBuffer();
      break;
    } catch {
      if (i > 600 || child.exitCode !== null) throw new Error('stock DynamoDB Local did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    endpoint: `http://127.0.0.1:${p}`,
    port: p,
    process: child,
    stop: () => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))),
  };
}

interface Trial {
  acknowledged: number;
  survived: number;
  lost: string[];
  /** Acknowledged writes whose outbox item has no stream record after the restart. */
  streamMissing: number;
}

/** One trial: a burst of unit-of-work-shaped transactions (item + outbox + audit), the JVM killed mid-burst. */
async function trial(killAfterAcks: number, kind: 'transact' | 'put', launcher: Launcher): Promise<Trial> {
  const dir = mkdtempSync(join(tmpdir(), 'ufp-durability-'));
  const dbPath = join(dir, 'dynamodb');
  try {
    const start = (port?: number) => (launcher === 'stock' ? startStock(dbPath, port) : startDynamoLocal({ dbPath, port }));
    let ddb = await start();
    const port = ddb.port;
    let doc = localDocumentClient(ddb.endpoint);
    await ensureTable(doc, 'durability');
    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const id = `${w}-${i}`;
        try {
          if (kind === 'put') {
            await doc.send(new PutCommand({ TableName: 'durability', Item: { pk: `T#1#UNIT#${id}`, sk: 'META', kind: 'unit', name: id } }));
            await doc.send(new PutCommand({ TableName: 'durability', Item: { pk: `T#1#OUTBOX#${id}`, sk: 'EVENT', kind: 'event', envelope: '{}' } }));
          } else await doc.send(
            new TransactWriteCommand({
              TransactItems: [
                { Put: { TableName: 'durability', Item: { pk: `T#1#UNIT#${id}`, sk: 'META', kind: 'unit', name: id } } },
                { Put: { TableName: 'durability', Item: { pk: `T#1#OUTBOX#${id}`, sk: 'EVENT', kind: 'event', envelope: '{}' } } },
                { Put: { TableName: 'durability', Item: { pk: `T#1#AUDIT`, sk: id, kind: 'audit' } } },
              ],
            }),
          );
          acknowledged.push(id);
        } catch {
          return; // the JVM is gone
        }
      }
    };
    let running = true;
    const burst = Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w))).finally(() => (running = false));
    while (running && acknowledged.length < killAfterAcks) await new Promise((r) => setTimeout(r, 2));
    ddb.process.kill('SIGKILL');
    stop = true;
    await burst;
    // Every write whose success response arrived counts, also one that arrived just after the signal was sent.
    const counted = acknowledged;
    doc.destroy();

    ddb = await start(port);
    doc = localDocumentClient(ddb.endpoint);
    const present = new Set<string>();
    for (let i = 0; i < counted.length; i += 100) {
      const keys = counted.slice(i, i + 100).map((id) => ({ pk: `T#1#UNIT#${id}`, sk: 'META' }));
      let pending: Record<string, unknown>[] | undefined = keys;
      while (pending?.length) {
        const res = await doc.send(new BatchGetCommand({ RequestItems: { durability: { Keys: pending, ConsistentRead: true } } }));
        for (const item of res.Responses?.durability ?? []) present.add(String(item.pk).slice('T#1#UNIT#'.length));
        pending = res.UnprocessedKeys?.durability?.Keys as Record<string, unknown>[] | undefined;
      }
    }
    const streams = new DynamoDBStreamsClient({ endpoint: ddb.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { streamArn } = await ensureTable(doc, 'durability');
    const inStream = new Set<string>();
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? [];
    for (const shard of shards) {
      let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      while (iterator) {
        const res = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        for (const r of res.Records ?? []) {
          const pk = r.dynamodb?.Keys?.pk?.S ?? '';
          if (pk.startsWith('T#1#OUTBOX#')) inStream.add(pk.slice('T#1#OUTBOX#'.length));
        }
        if (!res.Records?.length) break;
        iterator = res.NextShardIterator;
      }
    }
    streams.destroy();
    doc.destroy();
    await ddb.stop();
    return {
      acknowledged: counted.length,
      survived: counted.filter((id) => present.has(id)).length,
      lost: counted.filter((id) => !present.has(id)),
      streamMissing: counted.filter((id) => present.has(id) && !inStream.has(id)).length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchDurability(kind: 'transact' | 'put' = 'transact', launcher: Launcher = 'ours'): Promise<{ acknowledged: number; lost: number; trialsWithLoss: number }> {
  let acknowledged = 0;
  let lost = 0;
  let trialsWithLoss = 0;
  const what = kind === 'put' ? 'PutItem pairs' : 'TransactWriteItems (item + outbox + audit)';
  const how = launcher === 'stock' ? 'java -jar DynamoDBLocal.jar' : 'our launcher (LoopbackDynamoDBLocal)';
  console.log(`\nDynamoDB Local started by ${how}: kill -9 during a burst of acknowledged ${what}, ${WORKERS} in flight, ${TRIALS} trials`);
  for (let i = 0; i < TRIALS; i++) {
    const t = await trial(40 + Math.floor(Math.random() * 60), kind, launcher);
    acknowledged += t.acknowledged;
    lost += t.lost.length;
    if (t.lost.length) trialsWithLoss++;
    console.log(`trial ${i + 1}: ${t.acknowledged} acknowledged, ${t.survived} survived, lost ${t.lost.length}${t.lost.length ? ` (${t.lost.slice(0, 5).join(', ')})` : ''}; surviving writes missing from the stream: ${t.streamMissing}`);
  }
  console.log(`total: ${lost} of ${acknowledged} acknowledged writes lost, in ${trialsWithLoss} of ${TRIALS} trials`);
  return { acknowledged, lost, trialsWithLoss };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const launcher = (process.env.DURABILITY_LAUNCHER ?? 'ours') as Launcher;
  await benchDurability('transact', launcher);
  if (process.env.DURABILITY_PUT) await benchDurability('put', launcher);
}
