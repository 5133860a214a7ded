/**
 * Data at rest: the three customer managed KMS keys, the single table (from the shared
 * manifest) and the blind-index secret.
 */
import {
  Arn,
  ArnFormat,
  Duration,
  RemovalPolicy,
  Stack,
  aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_kms as kms,
  aws_secretsmanager as secretsmanager,
} from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { tableManifest } from '@ufp/db/manifest';

export interface PlatformDataProps {
  readonly stage: string;
}

/**
 * Keys: **data** (table, stream, evidence), **PII** (envelope encryption of personal fields and
 * the blind-index secret), **ops** (log groups, alarm topic). Table: on-demand, PITR, stream,
 * TTL, deletion protection, SSE under the data key, retained.
 *
 * Not a construct of its own: everything is created in `scope` (the FederationPlatform), so
 * construct paths and logical IDs stay those of the deployed stack (see platform-construct.ts).
 */
export class PlatformData {
  readonly dataKey: kms.Key;
  readonly piiKey: kms.Key;
  readonly opsKey: kms.Key;
  /** HMAC key (never leaves KMS) that seals the audit log's digests; the table never holds it. */
  readonly auditMacKey: kms.Key;
  readonly table: dynamodb.Table;
  readonly blindIndexSecret: secretsmanager.CfnSecret;

  constructor(
    private readonly scope: Construct,
    props: PlatformDataProps,
  ) {
    const stack = Stack.of(scope);

    // ── Keys ─────────────────────────────────────────────────────────────────────────────
    this.dataKey = this.key('DataKey', 'Table, stream and evidence bucket at rest', []);
    this.piiKey = this.key('PiiKey', 'Envelope encryption of personal data fields and the blind-index secret', []);
    this.opsKey = this.key('OpsKey', 'CloudWatch Logs and the alarm topic', [
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsUse',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': Arn.format(
              { service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME },
              stack,
            ),
          },
        },
      }),
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    ]);

    this.auditMacKey = new kms.Key(scope, 'AuditMacKey', {
      description: 'UFP: signs the audit log digests (HMAC); the table never holds this key',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      policy: new iam.PolicyDocument({ statements: [accountAdministers(['kms:GenerateMac', 'kms:VerifyMac'])] }),
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    NagSuppressions.addResourceSuppressions(this.auditMacKey, [
      { id: 'AwsSolutions-KMS5', reason: 'KMS does not rotate HMAC keys automatically; digests name the key id they were signed with, so a new key can be introduced by hand without invalidating older digests.' },
    ]);

    // ── Table ────────────────────────────────────────────────────────────────────────────
    const attr = (a: { name: string; type: string }): dynamodb.Attribute => ({
      name: a.name,
      type: a.type as dynamodb.AttributeType,
    });
    this.table = new dynamodb.Table(scope, 'Table', {
      partitionKey: attr(tableManifest.partitionKey),
      sortKey: attr(tableManifest.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType[tableManifest.streamViewType],
      timeToLiveAttribute: tableManifest.ttlAttribute,
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.dataKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableManifest.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: attr(gsi.partitionKey),
        sortKey: attr(gsi.sortKey),
        projectionType: dynamodb.ProjectionType[gsi.projection],
      });
    }

    // ── Blind-index secret (encrypted under the PII key) ─────────────────────────────────
    // L1 on purpose: the L2 Secret adds a key-policy statement with wildcard actions
    // (kms:GenerateDataKey*, kms:ReEncrypt*) and a `secretsmanager.<region>.amazonaws.com`
    // via-service name that is wrong in the China partition (…amazonaws.com.cn).
    this.blindIndexSecret = new secretsmanager.CfnSecret(scope, 'BlindIndexSecret', {
      description: `UFP ${props.stage}: HMAC key for blind indexes and cursor signing (never rotate without re-indexing)`,
      kmsKeyId: this.piiKey.keyArn,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    this.blindIndexSecret.applyRemovalPolicy(RemovalPolicy.RETAIN);
    NagSuppressions.addResourceSuppressions(this.blindIndexSecret, [
      {
        id: 'AwsSolutions-SMG4',
        reason: 'The blind-index HMAC key cannot be rotated automatically: every stored lookup hash would stop matching. Rotation is a planned re-indexing job (new key version, re-hash, switch), documented in docs/deploy.md.',
      },
    ]);
  }

  /** ARNs an item-level table statement covers: the table and each GSI of the manifest. */
  tableAndIndexArns(): string[] {
    return [
      this.table.tableArn,
      ...tableManifest.globalSecondaryIndexes.map((gsi) => `${this.table.tableArn}/index/${gsi.indexName}`),
    ];
  }

  /**
   * A customer managed key with rotation and an explicit key policy. The account statement
   * delegates to IAM with exact actions (no `kms:*`), so only roles whose IAM policies name
   * this key can use it.
   */
  private key(id: string, description: string, extra: iam.PolicyStatement[]): kms.Key {
    const policy = new iam.PolicyDocument({
      statements: [
        accountAdministers(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo', 'kms:DisableKeyRotation', 'kms:EnableKeyRotation', 'kms:GetKeyRotationStatus']),
        ...extra,
      ],
    });
    return new kms.Key(this.scope, id, {
      description: `UFP: ${description}`,
      enableKeyRotation: true,
      policy,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
  }
}

/**
 * The key-policy statement that lets the account administer a key and delegate its use to IAM, with
 * exact actions (no `kms:*`): only roles whose IAM policies name the key can use it. `use` lists the
 * cryptographic (and rotation) actions that apply to the key's spec.
 */
function accountAdministers(use: string[]): iam.PolicyStatement {
  const administer = [
    'kms:CancelKeyDeletion',
    'kms:CreateAlias',
    'kms:CreateGrant',
    'kms:DeleteAlias',
    'kms:DescribeKey',
    'kms:DisableKey',
    'kms:EnableKey',
    'kms:GetKeyPolicy',
    'kms:ListGrants',
    'kms:ListKeyPolicies',
    'kms:ListResourceTags',
    'kms:PutKeyPolicy',
    'kms:RetireGrant',
    'kms:RevokeGrant',
    'kms:ScheduleKeyDeletion',
    'kms:TagResource',
    'kms:UntagResource',
    'kms:UpdateAlias',
    'kms:UpdateKeyDescription',
  ];
  return new iam.PolicyStatement({
    sid: 'AccountAdministersAndDelegatesUseToIam',
    principals: [new iam.AccountRootPrincipal()],
    resources: ['*'],
    actions: [...administer, ...use].sort(),
  });
}
