import { ConfigError, loadConfig } from '../../lib/config';
import { setUpAuth } from '../auth';

const production = loadConfig({ NODE_ENV: 'production' });

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
});
