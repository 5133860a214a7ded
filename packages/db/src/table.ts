import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type DynamoDBClientConfig,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableAttributeDefinitions, tableManifest } from './manifest.js';

/** The one table and the client that reaches it. */
export interface Table {
  readonly name: string;
  readonly doc: DynamoDBDocumentClient;
}

export function createDocumentClient(config: DynamoDBClientConfig = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient(config);
  // No SDK logger is configured, yet its middleware filters every input and output for a no-op logger: a few
  // per cent of a read's CPU. The platform logs its own errors.
  if (!config.logger) client.middlewareStack.remove('loggerMiddleware');
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/**
 * A client for DynamoDB Local. It wants an Authorization header but never checks the
 * signature, so a fixed header replaces SigV4 (a measurable share of a local request's CPU).
 */
export function localDocumentClient(endpoint: string): DynamoDBDocumentClient {
  return createDocumentClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    signer: {
      sign: async (request) => {
        (request as { headers: Record<string, string> }).headers.authorization = LOCAL_AUTHORIZATION;
        return request;
      },
    },
    maxAttempts: 3,
  });
}


const LOCAL_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20000101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=local';

/** Creates the table from the manifest (used locally; in AWS the CDK construct does this). */
export async function ensureTable(doc: DynamoDBDocumentClient, name: string): Promise<{ streamArn: string }> {
  try {
    await doc.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: tableAttributeDefinitions.map((a) => ({ AttributeName: a.name, AttributeType: a.type })),
        KeySchema: [
          { AttributeName: tableManifest.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: tableManifest.sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: tableManifest.globalSecondaryIndexes.map((g) => ({
          IndexName: g.indexName,
          KeySchema: [
            { AttributeName: g.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: g.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: g.projection },
        })),
        StreamSpecification: { StreamEnabled: true, StreamViewType: tableManifest.streamViewType },
      }),
    );
    await doc.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: tableManifest.ttlAttribute, Enabled: true },
      }),
    );
  } catch (err) {
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  const described = await doc.send(new DescribeTableCommand({ TableName: name }));
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${name} has no stream`);
  return { streamArn };
}
