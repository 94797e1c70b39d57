import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import type { SubgraphModule } from '../../lib/process/module';
import { brokerAuthFilesForEveryFarm } from './credentials/brokerAuthFiles';
import { verifyDeviceCredentials } from './credentials/deviceCredentials';
import { ensureDemoFarm } from './demoFarm';
import { CLAIM_FAILURES_NAMESPACE } from './provisioning/claimDevice';
import { devicesSubgraph } from './server';

/** Farm topology and devices; the authority on which device may talk to the farm's broker. */
export const devicesModule: SubgraphModule = {
  name: 'devices',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.devices,
  env: ['FARMIQ_SECRETS_KEY'],
  routes: [],
  workers: [],
  events: { publishes: [], consumes: [] },
  deviceAuthority: {
    authenticate: (prisma, username, password) => verifyDeviceCredentials(prisma, username, password),
    brokerAuthFiles: (prisma) => brokerAuthFilesForEveryFarm(prisma),
    ensureDemoFarm: (prisma, secretBox, dataDir, log) => ensureDemoFarm(prisma, secretBox, dataDir, log),
  },
  async plugIn(host) {
    return {
      definition: devicesSubgraph({
        claimLimits: await host.rateLimitStore(CLAIM_FAILURES_NAMESPACE, (prisma) => prisma.claimFailure),
        secretBox: host.secretBox(),
        now: host.now,
      }),
    };
  },
};
