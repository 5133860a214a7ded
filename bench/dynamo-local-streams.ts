// Why each integration test file has its own DynamoDB Local JVM (tests/dynamo-local.setup.ts): in one JVM, a write
// costs more with every stream-enabled table created before it, deleted or not; tables without a stream cost nothing.
// Prints the mean latency of a put + get pair on the newest table as tables accumulate, with and without streams.
// `pnpm exec tsx bench/dynamo-local-streams.ts`
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { startDynamoLocal } = await import('@ufp/local/dynamo-local');
const { ensureTable, localDocumentClient } = await import('@ufp/db/table');
const { GetCommand, PutCommand } = await import('@aws-sdk/lib-dynamodb');
const { CreateTableCommand, DeleteTableCommand } = await import('@aws-sdk/client-dynamodb');

const TABLES = 60;
const PAIRS = 300;

for (const kind of ['the platform table (stream on)', 'the platform table, deleted after use', 'a table without a stream'] as const) {
  const ddb = await startDynamoLocal();
  const doc = localDocumentClient(ddb.endpoint);
  const figures: string[] = [];
  for (let n = 0; n < TABLES; n++) {
    const name = `bench${n}`;
    if (kind === 'a table without a stream') {
      await doc.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        }),
      );
    } else await ensureTable(doc, name);
    const started = performance.now();
    for (let i = 0; i < PAIRS; i++) {
      await doc.send(new PutCommand({ TableName: name, Item: { pk: `p${i % 10}`, sk: `s${i}`, v: 'x'.repeat(200) } }));
      await doc.send(new GetCommand({ TableName: name, Key: { pk: `p${i % 10}`, sk: `s${i}` } }));
    }
    if ([1, 10, 30, 60].includes(n + 1)) figures.push(`${n + 1} tables: ${((performance.now() - started) / PAIRS).toFixed(2)} ms`);
    if (kind === 'the platform table, deleted after use') await doc.send(new DeleteTableCommand({ TableName: name }));
  }
  await ddb.stop();
  console.log(`DynamoDB Local, put + get on ${kind}: ${figures.join(', ')}`);
}
export {};
