import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { roles as knownRoles, type Role } from '@ufp/core/roles';

export interface Claims {
  sub: string;
  name?: string;
  roles: Role[];
  tenantId?: string;
  unitId?: string;
  scope?: string;
}

export interface TokenVerifier {
  verify(token: string): Promise<Claims>;
}

export type AuthConfig =
  | { kind: 'jwks'; jwksUrl: string; issuer: string; audience: string; rolesClaim?: string }
  | { kind: 'local'; keys: LocalSigningKeys };

export const LOCAL_ISSUER = 'urn:ufp:local';
export const LOCAL_AUDIENCE = 'ufp-api';

/**
 * Verifies bearer JWTs. Production reads the issuer's JWKS (any OIDC provider, e.g. Cognito);
 * the local runtime verifies against its own key set through the same jwtVerify call.
 */
export function createTokenVerifier(config: AuthConfig): TokenVerifier {
  const keySet: JWTVerifyGetKey =
    config.kind === 'jwks' ? createRemoteJWKSet(new URL(config.jwksUrl)) : createLocalJWKSet(config.keys.jwks);
  const issuer = config.kind === 'jwks' ? config.issuer : LOCAL_ISSUER;
  const audience = config.kind === 'jwks' ? config.audience : LOCAL_AUDIENCE;
  const rolesClaim = config.kind === 'jwks' ? (config.rolesClaim ?? 'roles') : 'roles';
  return withVerifiedTokenCache({
    async verify(token) {
      const { payload } = await jwtVerify(token, keySet, { issuer, audience, clockTolerance: 5 });
      const rawRoles = payload[rolesClaim] ?? payload['cognito:groups'] ?? [];
      const roles = (Array.isArray(rawRoles) ? rawRoles : [rawRoles]).filter((r): r is Role =>
        (knownRoles as readonly string[]).includes(String(r)),
      );
      if (!payload.sub) throw new Error('token without sub');
      const str = (k: string) => (typeof payload[k] === 'string' ? (payload[k] as string) : undefined);
      const claims: Claims = { sub: payload.sub, name: str('name'), roles, tenantId: str('tenantId'), unitId: str('unitId'), scope: str('scope') };
      return { claims, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() };
    },
  });
}

/**
 * A token's signature is checked once; its claims are then reused until it expires (at most a
 * minute), so a console session does not pay an ECDSA verification on every call.
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

/** Issues a token the way an OIDC provider would; only the local runtime can call this. */
export async function signLocalToken(keys: LocalSigningKeys, claims: Claims, ttlSeconds = 8 * 3600): Promise<string> {
  const key = await importJWK(keys.privateJwk, 'ES256');
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'ES256', kid: keys.privateJwk.kid })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}
