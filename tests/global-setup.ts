import { startDynamoLocal, type DynamoLocal } from '@ufp/local/dynamo-local';

/** One DynamoDB Local JVM per test run; each test file creates its own table. */
let ddb: DynamoLocal | undefined;

export async function setup(): Promise<void> {
  if (process.env.DDB_ENDPOINT) return;
  ddb = await startDynamoLocal();
  process.env.DDB_ENDPOINT = ddb.endpoint;
}

export async function teardown(): Promise<void> {
  await ddb?.stop();
}
