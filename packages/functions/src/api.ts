/**
 * API Lambda entry point: API Gateway HTTP API (payload v2) → the Hono app from
 * `createRuntime`. The JWT authorizer in front already rejected bad tokens; the app verifies
 * the bearer token again with `jose` (defence in depth, and the same code path as local). Feature modules load on
 * the first call of one of their procedures (`lazy-modules.ts`): a cold start imports the platform and the manifests.
 */
import { handle } from 'hono/aws-lambda';
import { lazilyRegistered } from '@ufp/api/lazy-modules';
import { getRuntime } from './composition.js';

type LambdaHandler = ReturnType<typeof handle>;

let lambdaHandler: LambdaHandler | undefined;

export const handler = async (...args: Parameters<LambdaHandler>): Promise<Awaited<ReturnType<LambdaHandler>>> => {
  if (!lambdaHandler) {
    const { app } = await getRuntime(lazilyRegistered());
    lambdaHandler = handle(app);
  }
  return lambdaHandler(...args);
};
