import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../lib/config';
import { setUpAuth } from '../auth';

const production = loadConfig({ NODE_ENV: 'production', FARMIQ_INTERNAL_KEY: randomBytes(32).toString('base64') });

describe('setting up token verification in production', () => {
  it('should start the ingestor without FARMIQ_JWKS_URL, and refuse every token it is shown', async () => {
    const auth = await setUpAuth('ingestor', production);
    await expect(auth.verifyToken('any.token.at-all')).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await auth.publicJwks()).toEqual({ keys: [] });
  });

  it.each(['gateway', 'devices', 'telemetry', 'kpi', 'billing'] as const)('should refuse to start %s without FARMIQ_JWKS_URL, naming it', async (target) => {
    await expect(setUpAuth(target, production)).rejects.toThrow(ConfigError);
    await expect(setUpAuth(target, production)).rejects.toThrow(/^FARMIQ_JWKS_URL: required in production/);
  });

  it.each(['gateway', 'devices', 'telemetry', 'kpi', 'billing'] as const)(
    'should refuse to start %s without FARMIQ_INTERNAL_KEY, naming it',
    async (target) => {
      const withoutKey = loadConfig({ NODE_ENV: 'production', FARMIQ_JWKS_URL: 'http://identity:4001/.well-known/jwks.json' });
      await expect(setUpAuth(target, withoutKey)).rejects.toThrow(/^FARMIQ_INTERNAL_KEY: required in production/);
    },
  );
});
