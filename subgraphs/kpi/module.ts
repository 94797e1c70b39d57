import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { READINGS_STORED } from '../../lib/events/topics';
import type { SubgraphModule } from '../../lib/process/module';

/** Batch performance: scale weights stored by telemetry become weigh samples of the barn's batch. */
export const kpiModule: SubgraphModule = {
  name: 'kpi',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.kpi,
  env: [],
  routes: [],
  workers: [{ name: 'scale-weigh-in', start: (host) => (require('./records/scaleWeights') as typeof import('./records/scaleWeights')).startScaleWeighIn({ db: host.db, log: host.log }) }],
  events: { publishes: [], consumes: [READINGS_STORED] },
  plugIn: async () => ({ definition: (require('./server') as typeof import('./server')).kpiSubgraph }),
};
