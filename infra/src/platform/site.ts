/**
 * The console's static site: a private S3 bucket, fronted by CloudFront with origin access
 * control outside China (`cloudfront`), or the bucket alone in China (`s3-only`).
 */
import { Duration, RemovalPolicy, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_s3 as s3 } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';

/** Where the console's static files are served from (see docs/deploy.md, China notes). */
export type ConsoleSiteMode = 'cloudfront' | 's3-only';

export interface ConsoleSiteProps {
  readonly stage: string;
  readonly mode: ConsoleSiteMode;
  /** Destination of the bucket's server access logs and CloudFront standard logs. */
  readonly accessLogs: s3.IBucket;
}

/**
 * Bucket `ConsoleBucket` and (cloudfront mode) distribution `ConsoleDistribution`, created in
 * `scope` (the FederationPlatform) so their logical IDs do not move.
 */
export class ConsoleSite {
  readonly bucket: s3.Bucket;
  readonly distribution?: cloudfront.Distribution;

  constructor(scope: Construct, props: ConsoleSiteProps) {
    this.bucket = new s3.Bucket(scope, 'ConsoleBucket', {
      encryption: s3.BucketEncryption.S3_MANAGED, // public static assets; OAC reads need no key grant
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    if (props.mode === 'cloudfront') {
      this.distribution = new cloudfront.Distribution(scope, 'ConsoleDistribution', {
        comment: `UFP ${props.stage} console`,
        defaultRootObject: 'index.html',
        defaultBehavior: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
          cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
          compress: true,
        },
        // Single-page app: unknown paths render index.html and the router takes over.
        errorResponses: [403, 404].map((httpStatus) => ({
          httpStatus,
          responseHttpStatus: 200,
          responsePagePath: '/index.html',
          ttl: Duration.seconds(0),
        })),
        priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
        httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
        minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
        enableLogging: true,
        logBucket: props.accessLogs,
        logFilePrefix: 'cloudfront/',
      });
      NagSuppressions.addResourceSuppressions(this.distribution, [
        {
          id: 'AwsSolutions-CFR1',
          reason: 'Members of county/city federations travel and work anywhere; access is controlled by the JWT on every API call, the distribution only serves public static assets.',
        },
        {
          id: 'AwsSolutions-CFR2',
          reason: 'The distribution serves immutable static assets only; the API (the only dynamic surface) is throttled per stage and requires a JWT. A WAF web ACL must live in us-east-1 and is attached at the account level when required.',
        },
        {
          id: 'AwsSolutions-CFR4',
          reason: 'With the default *.cloudfront.net certificate CloudFront negotiates TLSv1 minimum; production attaches the federation domain with an ACM certificate and TLSv1.2_2021 (docs/deploy.md).',
        },
      ]);
    }
  }

  /** The origins browsers load the console from when none are configured: the CloudFront URL. */
  get defaultOrigins(): string[] {
    return this.distribution ? [`https://${this.distribution.distributionDomainName}`] : [];
  }
}
