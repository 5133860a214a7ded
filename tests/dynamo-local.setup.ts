import { afterAll } from 'vitest';
import { startDynamoLocal } from '@ufp/local/dynamo-local';

// One DynamoDB Local JVM per test file (a setup file runs in each file's own process, before the file is imported).
// A JVM shared by the whole run slows down with every stream-enabled table created in it, deleted or not: each file
// makes its own table, so by the end of the run every write cost several times what it did at the start
// (`bench/dynamo-local-streams.ts`). A JVM starts in about a second. DDB_ENDPOINT set from outside wins.
if (!process.env.DDB_ENDPOINT) {
  const ddb = await startDynamoLocal();
  process.env.DDB_ENDPOINT = ddb.endpoint;
  afterAll(async () => {
    await ddb.stop();
  });
}
