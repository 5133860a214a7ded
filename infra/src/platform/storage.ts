/**
 * Buckets for data: the server/CloudFront access-log bucket and the evidence bucket
 * (SSE-KMS under the data key, presigned uploads only).
 */
import { IMPORT_WORKBOOK_DAYS, IMPORT_WORKBOOK_TAG } from '@ufp/core/imports/job';
import { Duration, RemovalPolicy, aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { ConsoleSiteMode } from './site.js';

/**
 * The access-log destination of the console and evidence buckets (and CloudFront standard
 * logs in `cloudfront` mode). Created in `scope` (the FederationPlatform): logical ID unchanged.
 */
export function accessLogsBucket(scope: Construct, consoleMode: ConsoleSiteMode): s3.Bucket {
  const accessLogs = new s3.Bucket(scope, 'AccessLogsBucket', {
    encryption: s3.BucketEncryption.S3_MANAGED, // server access logging cannot write to SSE-KMS buckets
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    // CloudFront standard logs are delivered with ACLs; S3 server access logs do not need them.
    objectOwnership:
      consoleMode === 'cloudfront' ? s3.ObjectOwnership.BUCKET_OWNER_PREFERRED : s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ expiration: Duration.days(400), noncurrentVersionExpiration: Duration.days(30) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  NagSuppressions.addResourceSuppressions(accessLogs, [
    { id: 'AwsSolutions-S1', reason: 'This is the access-log destination bucket; logging it into itself would loop.' },
  ]);
  return accessLogs;
}

export interface EvidenceBucketProps {
  readonly dataKey: kms.IKey;
  readonly accessLogs: s3.IBucket;
  /** Browser origins allowed to PUT/GET with presigned URLs (none → no CORS rule). */
  readonly consoleOrigins: readonly string[];
}

/**
 * The evidence bucket: block public access, SSE-KMS (data key, bucket key), TLS only,
 * versioned, server access logs; the bucket policy denies any PUT that is not a presigned URL
 * or whose signature is older than 15 minutes. Created in `scope`: logical ID unchanged.
 */
export function evidenceBucket(scope: Construct, props: EvidenceBucketProps): s3.Bucket {
  const { consoleOrigins } = props;
  const bucket = new s3.Bucket(scope, 'EvidenceBucket', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: props.dataKey,
    bucketKeyEnabled: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    minimumTLSVersion: 1.2,
    versioned: true,
    serverAccessLogsBucket: props.accessLogs,
    serverAccessLogsPrefix: 'evidence-bucket/',
    lifecycleRules: [
      { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      { noncurrentVersionExpiration: Duration.days(90) },
      // Import workbooks of jobs that never finished (a finished job's is deleted by its consumer).
      { id: 'ImportWorkbooks', tagFilters: { ...IMPORT_WORKBOOK_TAG }, expiration: Duration.days(IMPORT_WORKBOOK_DAYS), noncurrentVersionExpiration: Duration.days(1) },
    ],
    cors: consoleOrigins.length
      ? [
          {
            allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
            allowedOrigins: [...consoleOrigins],
            allowedHeaders: ['content-type', 'content-md5', 'x-amz-*'],
            maxAge: 3000,
          },
        ]
      : undefined,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  // Presigned uploads only: a PUT must be authenticated by a query-string signature (a URL
  // the API issued) that is at most 15 minutes old. Header-signed PUTs — any role using the
  // SDK directly, the console, CLI copies — are refused.
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyUploadsOtherThanPresigned',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: { StringNotEquals: { 's3:authType': 'REST-QUERY-STRING' } },
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'DenyStalePresignedUploads',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('*')],
      conditions: { NumericGreaterThan: { 's3:signatureAge': 15 * 60 * 1000 } },
    }),
  );
  return bucket;
}
