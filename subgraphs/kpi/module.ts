import { DEFAULT_SUBGRAPH_PORTS } from '../../lib/config';
import { READINGS_STORED } from '../../lib/events/topics';
import type { SubgraphModule } from '../../lib/process/module';
import { startScaleWeighIn } from './records/scaleWeights';
import { kpiSubgraph } from './server';

/** Batch performance: scale weights stored by telemetry become weigh samples of the barn's batch. */
export const kpiModule: SubgraphModule = {
  name: 'kpi',
  defaultPort: DEFAULT_SUBGRAPH_PORTS.kpi,
  env: [],
  routes: [],
  workers: [{ name: 'scale-weigh-in', start: (host) => startScaleWeighIn({ db: host.db, log: host.log }) }],
  events: { publishes: [], consumes: [READINGS_STORED] },
  plugIn: async () => ({ definition: kpiSubgraph }),
};
