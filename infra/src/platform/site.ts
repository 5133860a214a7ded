/**
 * The console's static site: a private S3 bucket, fronted by CloudFront with origin access
 * control and the console's security headers outside China (`cloudfront`), or the bucket alone in
 * China (`s3-only`; the headers are then the CDN's to send, see `securityHeaders`).
 */
import { Duration, Lazy, RemovalPolicy, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_s3 as s3 } from 'aws-cdk-lib';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import {
  HSTS_MAX_AGE_SECONDS,
  PERMISSIONS_POLICY,
  commonSecurityHeaders,
  consoleContentSecurityPolicy,
  consoleSecurityHeaders,
  type ConsoleOrigins,
} from '@ufp/api/security-headers';

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
  /** The console's security headers on every CloudFront response (cloudfront mode). */
  readonly responseHeadersPolicy?: cloudfront.ResponseHeadersPolicy;
  /** What the console connects to besides itself; set by `allowOrigins` once the API and the evidence bucket exist. */
  private origins: ConsoleOrigins = {};

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
      // The same values as the local static site (packages/api/src/security-headers.ts); the CSP's
      // origins are filled in at synthesis (`allowOrigins`), after the API and evidence bucket exist.
      this.responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(scope, 'ConsoleHeadersPolicy', {
        comment: `UFP ${props.stage} console security headers (CSP, HSTS, nosniff, referrer, frame, permissions)`,
        securityHeadersBehavior: {
          contentSecurityPolicy: {
            contentSecurityPolicy: Lazy.string({ produce: () => consoleContentSecurityPolicy(this.origins) }),
            override: true,
          },
          contentTypeOptions: { override: true },
          frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
          referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
          strictTransportSecurity: { accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS), includeSubdomains: true, override: true },
        },
        customHeadersBehavior: { customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }] },
      });
      this.distribution = new cloudfront.Distribution(scope, 'ConsoleDistribution', {
        comment: `UFP ${props.stage} console`,
        defaultRootObject: 'index.html',
        defaultBehavior: {
          origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          responseHeadersPolicy: this.responseHeadersPolicy,
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

  /** Origins the console's CSP lets it connect to (the API, the evidence bucket) or load images from. */
  allowOrigins(origins: ConsoleOrigins): void {
    this.origins = origins;
  }

  /**
   * Every header the console must be served with, as `{name: value}`: what the CloudFront policy sends,
   * and what a CDN in front of the `s3-only` bucket (China, after ICP filing) must be configured to send.
   */
  securityHeaders(): Record<string, string> {
    return { ...commonSecurityHeaders({ hsts: true }), ...consoleSecurityHeaders(this.origins) };
  }

  /** The origins browsers load the console from when none are configured: the CloudFront URL. */
  get defaultOrigins(): string[] {
    return this.distribution ? [`https://${this.distribution.distributionDomainName}`] : [];
  }
}
