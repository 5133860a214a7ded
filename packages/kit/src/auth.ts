import {
  errors as joseErrors,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { roles as knownRoles, type AssignableModule, type Role } from '@ufp/core/roles';

export interface Claims {
  sub: string;
  name?: string;
  roles: Role[];
  tenantId?: string;
  unitId?: string;
  scope?: string;
  /** Set from the user directory (never from a token): the modules a federation staff user is assigned to. */
  modules?: AssignableModule[];
}

export interface TokenVerifier {
  verify(token: string): Promise<Claims>;
}

export type AuthConfig =
  | {
      kind: 'jwks';
      jwksUrl: string;
      issuer: string;
      audience: string;
      rolesClaim?: string;
      /**
       * The claim that carries the platform's directory user id (`users.create` → `userId`); `sub` by default.
       * Identity providers that generate their own `sub` (Cognito, Keycloak) map the id into another claim,
       * e.g. `cognito:username` or a user-attribute mapper's `ufp_user_id` (docs/deploy.md).
       */
      userIdClaim?: string;
    }
  | { kind: 'local'; keys: LocalSigningKeys };

export const LOCAL_ISSUER = 'urn:ufp:local';
export const LOCAL_AUDIENCE = 'ufp-api';

/** The longest lifetime a token may have (exp − iat, or exp − now without iat): a working day plus margin. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far the clocks of the issuer and the API may disagree (iat a little in the future is tolerated). */
export const TOKEN_CLOCK_SKEW_SECONDS = 60;

/** Why a bearer token was refused; each has its own bilingual 401 message (`tokenProblemText`). */
export type TokenProblem = 'invalid' | 'expired' | 'no_expiry' | 'lifetime_too_long' | 'issued_in_future' | 'not_yet_valid';

export class TokenRejected extends Error {
  constructor(readonly problem: TokenProblem) {
    super(`token rejected: ${problem}`);
  }
}

export const tokenProblemText: Record<TokenProblem | 'missing', { zh: string; en: string }> = {
  missing: { zh: '请先登录', en: 'Sign-in required' },
  invalid: { zh: '登录凭证无效', en: 'Invalid token' },
  expired: { zh: '登录凭证已过期，请重新登录', en: 'The token has expired; sign in again' },
  no_expiry: { zh: '登录凭证缺少有效期（exp），不予接受', en: 'The token has no expiry (exp) and is not accepted' },
  lifetime_too_long: { zh: '登录凭证有效期超过 12 小时，不予接受', en: 'The token is valid for more than 12 hours and is not accepted' },
  issued_in_future: { zh: '登录凭证的签发时间（iat）在未来，不予接受', en: 'The token is issued in the future (iat) and is not accepted' },
  not_yet_valid: { zh: '登录凭证尚未生效（nbf）', en: 'The token is not valid yet (nbf)' },
};

/**
 * The rules every accepted token meets beyond its signature, issuer and audience (which jose checks):
 * an `exp` (a token without one would never end), a lifetime of at most 12 h, an `iat` not in the
 * future beyond the clock skew, and `nbf` honoured (jose refuses a token before its nbf). The HTTP API's
 * JWT authorizer in AWS checks signature, iss, aud, exp, nbf and iat but cannot cap a lifetime, so these
 * are enforced here, in both runtimes.
 */
export function checkTokenTimes(payload: { exp?: unknown; iat?: unknown; nbf?: unknown }, nowSeconds: number): TokenProblem | undefined {
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) return 'no_expiry';
  if (payload.iat !== undefined && (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat))) return 'invalid';
  const iat = payload.iat as number | undefined;
  if (iat !== undefined && iat > nowSeconds + TOKEN_CLOCK_SKEW_SECONDS) return 'issued_in_future';
  if (payload.exp - (iat ?? nowSeconds) > MAX_TOKEN_LIFETIME_SECONDS) return 'lifetime_too_long';
  return undefined;
}

/** jose's errors, in the words of `TokenProblem` (anything else — signature, issuer, format — is `invalid`). */
function problemOf(err: unknown): TokenProblem {
  if (err instanceof TokenRejected) return err.problem;
  if (err instanceof joseErrors.JWTExpired) return 'expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf') return 'not_yet_valid';
    if (err.claim === 'exp' && err.reason === 'missing') return 'no_expiry';
  }
  return 'invalid';
}

/**
 * Verifies bearer JWTs. Production reads the issuer's JWKS (any OIDC provider, e.g. Cognito);
 * the local runtime verifies against its own key set through the same jwtVerify call.
 * A refused token throws `TokenRejected` with the reason.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keySet: JWTVerifyGetKey =
    config.kind === 'jwks' ? createRemoteJWKSet(new URL(config.jwksUrl)) : createLocalJWKSet(config.keys.jwks);
  const issuer = config.kind === 'jwks' ? config.issuer : LOCAL_ISSUER;
  const audience = config.kind === 'jwks' ? config.audience : LOCAL_AUDIENCE;
  const rolesClaim = config.kind === 'jwks' ? (config.rolesClaim ?? 'roles') : 'roles';
  const userIdClaim = config.kind === 'jwks' ? (config.userIdClaim ?? 'sub') : 'sub';
  return withVerifiedTokenCache({
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet, { issuer, audience, clockTolerance: 5, requiredClaims: ['exp'] }));
      } catch (err) {
        throw new TokenRejected(problemOf(err));
      }
      const problem = checkTokenTimes(payload, Math.floor(Date.now() / 1000));
      if (problem) throw new TokenRejected(problem);
      const rawRoles = payload[rolesClaim] ?? payload['cognito:groups'] ?? [];
      const roles = (Array.isArray(rawRoles) ? rawRoles : [rawRoles]).filter((r): r is Role =>
        (knownRoles as readonly string[]).includes(String(r)),
      );
      const str = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : undefined);
      const sub = str(userIdClaim);
      if (!sub) throw new TokenRejected('invalid');
      const claims: Claims = { sub, name: str('name'), roles, tenantId: str('tenantId'), unitId: str('unitId'), scope: str('scope') };
      return { claims, expiresAt: (payload.exp as number) * 1000 };
    },
  });
}

/**
 * A token's signature is checked once; its claims are then reused until it expires (at most a
 * minute), so a console session does not pay an ECDSA verification on every call. What the user
 * directory says (disabled, roles edited) is looked up per request by the procedure tier, not cached here.
 */
function withVerifiedTokenCache(inner: { verify(token: string): Promise<{ claims: Claims; expiresAt: number }> }, max = 10_000): TokenVerifier {
  const cache = new Map<string, { claims: Claims; until: number }>();
  return {
    async verify(token) {
      const hit = cache.get(token);
      if (hit && hit.until > Date.now()) return hit.claims;
      cache.delete(token);
      const { claims, expiresAt } = await inner.verify(token);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(token, { claims, until: Math.min(expiresAt, Date.now() + 60_000) });
      return claims;
    },
  };
}

export interface LocalSigningKeys {
  privateJwk: JWK;
  jwks: JSONWebKeySet;
}

export async function generateLocalSigningKeys(): Promise<LocalSigningKeys> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { privateJwk, jwks: { keys: [publicJwk] } };
}

/** Issues a token the way an OIDC provider would; only the local runtime can call this. At most 12 h. */
export async function signLocalToken(keys: LocalSigningKeys, claims: Claims, ttlSeconds = 8 * 3600): Promise<string> {
  if (!(ttlSeconds > 0 && ttlSeconds <= MAX_TOKEN_LIFETIME_SECONDS)) throw new RangeError(`token lifetime must be 1 s – ${MAX_TOKEN_LIFETIME_SECONDS} s`);
  const key = await importJWK(keys.privateJwk, 'ES256');
  const { sub, modules: _fromDirectoryOnly, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}
