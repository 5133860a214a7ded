// The lockfile pins an AWS SDK that still supports Node 20 (the Lambdas run Node 22).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { fairUseSettingsFromEnv } from '@ufp/kit/fair-use';
import { DataDirLockedError } from './data-dir-lock.js';
import { JavaMissingError } from './dynamo-local.js';
import { DataDirHalfSeededError, startLocal, type LocalPlatform } from './server.js';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';
const seed = process.env.SEED === 'none' ? 'none' : 'demo';
/** Optional: use an already running DynamoDB Local instead of starting one. */
const ddbEndpoint = process.env.DDB_ENDPOINT || undefined;
/** Behind a reverse proxy that appends x-forwarded-for: how many (0: none, the header is ignored). */
const trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0;
/** Restarts of a DynamoDB Local that dies, per outage (default 3). */
const maxStoreRestarts = process.env.DDB_LOCAL_MAX_RESTARTS === undefined ? undefined : Number(process.env.DDB_LOCAL_MAX_RESTARTS);

let platform: LocalPlatform | undefined;

async function exitAfterStoreFailure(err: Error): Promise<void> {
  console.error(
    `DynamoDB Local 已退出且未能重启，平台停止。\nDynamoDB Local exited and could not be restarted; the platform stops.\n${err.message}`,
  );
  const timer = setTimeout(() => process.exit(1), 10_000);
  timer.unref();
  await platform?.stop().catch(() => {});
  process.exit(1);
}

try {
  platform = await startLocal({ port, dataDir, seed, ddbEndpoint, trustedProxyHops, fairUse: fairUseSettingsFromEnv(process.env), maxStoreRestarts, onStoreFailure: (err) => void exitAfterStoreFailure(err) });
  console.log(`工会联合会数字化平台 running at ${platform.url}  (data: ${dataDir}, Ctrl-C to stop)`);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping …`);
    await platform?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof JavaMissingError || err instanceof DataDirLockedError || err instanceof DataDirHalfSeededError) console.error(err.message);
  else console.error(err);
  process.exit(1);
}
