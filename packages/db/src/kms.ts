import type { KMSClient, KMSClientConfig } from '@aws-sdk/client-kms';

/**
 * The KMS SDK, imported on first use: most API calls never touch KMS (only PII and the audit seal do), and
 * loading its client at module init costs every cold start.
 */
export const kmsSdk = (): Promise<typeof import('@aws-sdk/client-kms')> => import('@aws-sdk/client-kms');

type Send = KMSClient['send'];

/** A KMS client created on its first call (one per function, shared by the PII keys and the audit signer). */
export function lazyKmsClient(config: KMSClientConfig): { send: Send } {
  let client: Promise<KMSClient> | undefined;
  const send = (async (command: Parameters<Send>[0]) => {
    client ??= kmsSdk().then((kms) => new kms.KMSClient(config));
    return (await client).send(command);
  }) as Send;
  return { send };
}
