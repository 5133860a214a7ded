import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LocalKeyProvider } from '@ufp/core/pii/keyring';
import { generateLocalSigningKeys, type LocalSigningKeys } from '@ufp/kit/auth';

function readOrCreate(path: string, create: () => string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const value = create();
  writeFileSync(path, value, { mode: 0o600 });
  return value;
}

/** The local runtime's secrets, kept under DATA_DIR/keys so data and tokens survive restarts. */
export async function loadLocalKeys(dataDir: string): Promise<{ pii: LocalKeyProvider; blindIndexKey: Buffer; auditDigestKey: Buffer; signing: LocalSigningKeys }> {
  const dir = join(dataDir, 'keys');
  const pii = await LocalKeyProvider.fromKeyFile(join(dir, 'pii-master.key'));
  const blindIndexKey = Buffer.from(readOrCreate(join(dir, 'blind-index.key'), () => randomBytes(32).toString('base64')).trim(), 'base64');
  // Signs the audit log's digests: kept beside the other keys, never in the table (KMS HMAC key in AWS).
  const auditDigestKey = Buffer.from(readOrCreate(join(dir, 'audit-digest.key'), () => randomBytes(32).toString('base64')).trim(), 'base64');
  const signingPath = join(dir, 'jwt-signing.json');
  const generated = existsSync(signingPath) ? '' : JSON.stringify(await generateLocalSigningKeys());
  const signing = JSON.parse(readOrCreate(signingPath, () => generated)) as LocalSigningKeys;
  return { pii, blindIndexKey, auditDigestKey, signing };
}
