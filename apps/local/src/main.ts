// The lockfile pins an AWS SDK that still supports Node 20 (the Lambdas run Node 22).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { fairUseSettingsFromEnv } from '@ufp/api/fair-use';
import { JavaMissingError } from './dynamo-local.js';
import { startLocal } from './server.js';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.DATA_DIR ?? '.data';
const seed = process.env.SEED === 'none' ? 'none' : 'demo';
/** Optional: use an already running DynamoDB Local instead of starting one. */
const ddbEndpoint = process.env.DDB_ENDPOINT || undefined;
/** Behind a reverse proxy that appends x-forwarded-for: how many (0: none, the header is ignored). */
const trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0;

try {
  const platform = await startLocal({ port, dataDir, seed, ddbEndpoint, trustedProxyHops, fairUse: fairUseSettingsFromEnv(process.env) });
  console.log(`工会联合会数字化平台 running at ${platform.url}  (data: ${dataDir}, Ctrl-C to stop)`);
  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping …`);
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
} catch (err) {
  if (err instanceof JavaMissingError) console.error(err.message);
  else console.error(err);
  process.exit(1);
}
