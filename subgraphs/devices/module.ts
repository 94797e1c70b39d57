import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import type { SubgraphModule } from '../../lib/process/module';
import { AUDIT_ACTIONS, TOPOLOGY_CHANGED } from '../../lib/events/topics';

/** Farm topology and devices; the authority on which device may talk to the farm's broker. */
export const devicesModule: SubgraphModule = {
  name: 'devices',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.devices,
  env: ['FARMIQ_SECRETS_KEY'],
  routes: [],
  workers: [],
  // Topology is published by its tables' own triggers, at the commit of every change (lib/topology).
  events: { publishes: [AUDIT_ACTIONS, TOPOLOGY_CHANGED], consumes: [] },
  deviceAuthority: {
    authenticate: (prisma, username, password) =>
      (require('./credentials/deviceCredentials') as typeof import('./credentials/deviceCredentials')).verifyDeviceCredentials(prisma, username, password),
    brokerAuthFiles: (prisma) =>
      (require('./credentials/brokerAuthFiles') as typeof import('./credentials/brokerAuthFiles')).brokerAuthFilesForEveryFarm(prisma),
    ensureDemoFarm: (prisma, secretBox, dataDir, log) => (require('./demoFarm') as typeof import('./demoFarm')).ensureDemoFarm(prisma, secretBox, dataDir, log),
  },
  async plugIn(host) {
    const { CLAIM_FAILURES_NAMESPACE } = require('./provisioning/claimDevice') as typeof import('./provisioning/claimDevice');
    const { devicesSubgraph } = require('./server') as typeof import('./server');
    return {
      definition: devicesSubgraph({
        claimLimits: await host.rateLimitStore(CLAIM_FAILURES_NAMESPACE, (prisma) => prisma.claimFailure),
        secretBox: host.secretBox(),
        now: host.now,
      }),
    };
  },
};
