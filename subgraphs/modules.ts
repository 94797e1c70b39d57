import type { SubgraphModule } from '../lib/process/module';
import { billingModule } from './billing/module';
import { devicesModule } from './devices/module';
import { identityModule } from './identity/module';
import { kpiModule } from './kpi/module';
import { telemetryModule } from './telemetry/module';

/** Every subgraph a process can run, in start order (identity first: the others verify tokens with its keys). */
export const MODULES: readonly SubgraphModule[] = [identityModule, devicesModule, telemetryModule, kpiModule, billingModule];
