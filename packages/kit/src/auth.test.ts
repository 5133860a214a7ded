import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTokenTimes, createTokenVerifier, MAX_TOKEN_LIFETIME_SECONDS, TokenRejected, type TokenVerifier } from './auth.js';

/**
 * The production configuration (`kind: 'jwks'`): keys fetched over HTTP from the issuer's JWKS, as from
 * Cognito or Keycloak, here from a local server. The token rules must hold there exactly as locally.
 */
const ISSUER = 'https://idp.example.test/realms/ufp';
const AUDIENCE = 'ufp-console';
let server: Server;
let jwksUrl: string;
let sign: (payload: JWTPayload) => Promise<string>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
  sign = (payload) => new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(ISSUER).setAudience(AUDIENCE).sign(privateKey);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const now = () => Math.floor(Date.now() / 1000);
const verifier = (userIdClaim?: string): TokenVerifier => createTokenVerifier({ kind: 'jwks', jwksUrl, issuer: ISSUER, audience: AUDIENCE, userIdClaim });

async function problemOf(token: string, v = verifier()): Promise<string | undefined> {
  try {
    await v.verify(token);
    return undefined;
  } catch (err) {
    return err instanceof TokenRejected ? err.problem : `unexpected ${String(err)}`;
  }
}

describe('token rules of the production (JWKS) verifier', () => {
  const base = { sub: 'u1', tenantId: '321281', roles: ['federation_staff'] };

  it('accepts a 1-hour token and reads its claims', async () => {
    const claims = await verifier().verify(await sign({ ...base, iat: now(), exp: now() + 3600 }));
    expect(claims).toMatchObject({ sub: 'u1', tenantId: '321281', roles: ['federation_staff'] });
  });

  it('accepts a token valid for exactly 12 hours', async () => {
    expect(await problemOf(await sign({ ...base, iat: now(), exp: now() + MAX_TOKEN_LIFETIME_SECONDS }))).toBeUndefined();
  });

  it.each([
    ['a token without exp', () => ({ ...base, iat: now() }), 'no_expiry'],
    ['a token valid for 13 hours', () => ({ ...base, iat: now(), exp: now() + 13 * 3600 }), 'lifetime_too_long'],
    ['a token without iat that expires in 13 hours', () => ({ ...base, exp: now() + 13 * 3600 }), 'lifetime_too_long'],
    ['a token issued 10 minutes in the future', () => ({ ...base, iat: now() + 600, exp: now() + 3600 }), 'issued_in_future'],
    ['a token not valid for another 10 minutes (nbf)', () => ({ ...base, iat: now(), nbf: now() + 600, exp: now() + 3600 }), 'not_yet_valid'],
    ['a token that expired a minute ago', () => ({ ...base, iat: now() - 3600, exp: now() - 60 }), 'expired'],
  ])('refuses %s', async (_label, payload, problem) => {
    expect(await problemOf(await sign(payload()))).toBe(problem);
  });

  it('tolerates an iat up to the clock skew in the future', async () => {
    expect(await problemOf(await sign({ ...base, iat: now() + 30, exp: now() + 3600 }))).toBeUndefined();
  });

  it('reads the directory user id from the configured claim (an IdP that generates its own sub)', async () => {
    const token = await sign({ ...base, sub: 'cognito-generated-uuid', 'cognito:username': '01JDIRECTORYUSERID', iat: now(), exp: now() + 3600 });
    expect((await verifier('cognito:username').verify(token)).sub).toBe('01JDIRECTORYUSERID');
    expect((await verifier().verify(token)).sub).toBe('cognito-generated-uuid');
    // A token without the configured claim names nobody.
    expect(await problemOf(await sign({ ...base, iat: now(), exp: now() + 3600 }), verifier('cognito:username'))).toBe('invalid');
  });
});

describe('checkTokenTimes', () => {
  it('measures the lifetime from iat, or from now when there is none', () => {
    expect(checkTokenTimes({ exp: 1000 + 12 * 3600, iat: 1000 }, 1000)).toBeUndefined();
    expect(checkTokenTimes({ exp: 1000 + 12 * 3600 + 1, iat: 1000 }, 1000)).toBe('lifetime_too_long');
    expect(checkTokenTimes({ exp: 5000 + 12 * 3600 }, 5000)).toBeUndefined();
    expect(checkTokenTimes({ exp: '9999999999' }, 5000)).toBe('no_expiry');
    expect(checkTokenTimes({ exp: 6000, iat: 'yesterday' }, 5000)).toBe('invalid');
  });
});
