import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportSPKI, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { ConfigError } from '../../config';
import { createTokenVerifier, signAccessToken } from '../accessToken';
import { generatePrivateJwk, loadKeyRing, type KeyRing } from '../keyRing';
import type { Principal } from '../principal';

const audience = { issuer: 'https://farmiq.test', audience: 'farmiq-api' };
const farmManager: Omit<Principal, 'tokenId' | 'expiresAt' | 'issuedAt'> = {
  subject: '7d4c2a1e-0000-4000-8000-000000000001',
  kind: 'user',
  tenantId: '7d4c2a1e-0000-4000-8000-0000000000aa',
  roles: ['FARM_MANAGER'],
  scopes: [],
};

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

async function ringOf(...jwks: JWK[]): Promise<KeyRing> {
  return loadKeyRing({ privateJwks: JSON.stringify({ keys: jwks }), dataDir: '/nonexistent', production: true });
}

describe('access tokens', () => {
  let ring: KeyRing;
  let verify: ReturnType<typeof createTokenVerifier>;

  beforeAll(async () => {
    ring = await ringOf(await generatePrivateJwk());
    verify = createTokenVerifier({ jwks: ring.publicJwks }, audience);
  });

  const refusal = (message: RegExp) => expect.objectContaining({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } });

  it('carry the caller, tenant and roles to a verifier, valid for 15 minutes', async () => {
    const now = new Date();
    const { token, expiresAt } = await signAccessToken(ring, audience, farmManager, now);
    expect(expiresAt.getTime() - Math.floor(now.getTime() / 1000) * 1000).toBe(15 * 60 * 1000);
    const principal = await verify(token);
    expect(principal).toMatchObject({ ...farmManager, expiresAt });
    expect(principal.tokenId).toMatch(/^[0-9a-f-]{36}$/);
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: ring.signing.kid, typ: 'at+jwt' });
  });

  it('are refused when forged with another key under the same kid', async () => {
    const impostor = await ringOf({ ...(await generatePrivateJwk()), kid: ring.signing.kid });
    const { token } = await signAccessToken(impostor, audience, farmManager);
    await expect(verify(token)).rejects.toEqual(refusal(/signature is invalid/));
  });

  it('are refused with alg "none"', async () => {
    const { token } = await signAccessToken(ring, audience, farmManager);
    const [, payload] = token.split('.');
    const unsigned = `${base64url(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid: ring.signing.kid }))}.${payload}.`;
    await expect(verify(unsigned)).rejects.toEqual(refusal(/invalid|algorithm/));
  });

  it('are refused when signed HS256 with the public key as the secret', async () => {
    const { token } = await signAccessToken(ring, audience, farmManager);
    const [, payload] = token.split('.');
    const publicPem = await exportSPKI((await importJWK(ring.publicJwks.keys[0]!, 'ES256')) as KeyLike);
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'at+jwt', kid: ring.signing.kid }));
    for (const secret of [publicPem, JSON.stringify(ring.publicJwks.keys[0])]) {
      const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      await expect(verify(`${header}.${payload}.${signature}`)).rejects.toEqual(refusal(/algorithm/));
    }
  });

  it.each([
    ['another audience', { ...audience, audience: 'someone-else' }, /aud/],
    ['another issuer', { ...audience, issuer: 'https://evil.example' }, /iss/],
  ])('are refused when issued for %s', async (_case, claims, message) => {
    const { token } = await signAccessToken(ring, claims, farmManager);
    await expect(verify(token)).rejects.toEqual(refusal(message));
  });

  it('are refused once expired', async () => {
    const { token } = await signAccessToken(ring, audience, farmManager, new Date(Date.now() - 16 * 60 * 1000));
    await expect(verify(token)).rejects.toEqual(refusal(/expired/));
  });

  it('are refused when their kid is unknown', async () => {
    const stranger = await ringOf(await generatePrivateJwk());
    const { token } = await signAccessToken(stranger, audience, farmManager);
    await expect(verify(token)).rejects.toEqual(refusal(/unknown key/));
  });

  it('are refused when the JWT is not typed as an access token', async () => {
    const token = await new SignJWT({ tid: farmManager.tenantId, roles: farmManager.roles, kind: 'user' })
      .setProtectedHeader({ alg: 'ES256', kid: ring.signing.kid, typ: 'JWT' })
      .setIssuer(audience.issuer)
      .setAudience(audience.audience)
      .setSubject(farmManager.subject)
      .setIssuedAt()
      .setExpirationTime('10m')
      .setJti('id-1')
      .sign(ring.signing.privateKey);
    await expect(verify(token)).rejects.toEqual(refusal(/not valid here \(typ\)/));
  });

  it('are refused when they claim a role that does not exist', async () => {
    const { token } = await signAccessToken(ring, audience, { ...farmManager, roles: ['SUPER_USER' as never] });
    await expect(verify(token)).rejects.toEqual(refusal(/malformed/));
  });

  it('stay valid after a rotation while the retired key is still published, and not after', async () => {
    const retired = await generatePrivateJwk();
    const { token } = await signAccessToken(await ringOf(retired), audience, farmManager);
    const rotated = await ringOf(await generatePrivateJwk(), retired);
    expect(rotated.signing.kid).not.toBe(retired.kid);
    await expect(createTokenVerifier({ jwks: rotated.publicJwks }, audience)(token)).resolves.toMatchObject({ subject: farmManager.subject });
    const afterRetirement = await ringOf(await generatePrivateJwk());
    await expect(createTokenVerifier({ jwks: afterRetirement.publicJwks }, audience)(token)).rejects.toEqual(refusal(/unknown key/));
  });

  it('publish only public key material', () => {
    for (const key of ring.publicJwks.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
  });
});

describe('the key ring', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-keys-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('generates a development key once into an owner-only file and reuses it', async () => {
    const first = await loadKeyRing({ privateJwks: undefined, dataDir, production: false });
    const file = path.join(dataDir, 'jwt-keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = await loadKeyRing({ privateJwks: undefined, dataDir, production: false });
    expect(second.signing.kid).toBe(first.signing.kid);
  });

  it('refuses to start in production without FARMIQ_JWT_PRIVATE_JWKS', async () => {
    await expect(loadKeyRing({ privateJwks: undefined, dataDir, production: true })).rejects.toThrow(ConfigError);
    expect(fs.existsSync(path.join(dataDir, 'jwt-keys.json'))).toBe(false);
  });

  it.each(['not json', '{"keys":[]}', JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'a' }] })])(
    'refuses a malformed FARMIQ_JWT_PRIVATE_JWKS (%s) without echoing it',
    async (value) => {
      await expect(loadKeyRing({ privateJwks: value, dataDir, production: true })).rejects.toThrow(/^FARMIQ_JWT_PRIVATE_JWKS: expected/);
    },
  );
});
