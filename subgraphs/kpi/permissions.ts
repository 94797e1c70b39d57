import { allow } from 'graphql-shield';
import { subgraphShield } from '../../lib/graphql/permissions';
import { canRead, canWriteFarmData } from '../../lib/graphql/rules';

// Batch and its KPI types are reached only through an entry point that already checked the caller.
export const permissions = subgraphShield({
  Query: { batch: canRead('kpi:read'), weighSession: canRead('kpi:read'), weighSessionChangeEvents: canRead('kpi:read') },
  Mutation: {
    placeBatch: canWriteFarmData,
    recordMortality: canWriteFarmData,
    recordFeed: canWriteFarmData,
    recordWater: canWriteFarmData,
    recordHealth: canWriteFarmData,
    recordDepletion: canWriteFarmData,
    recordWeighSession: canWriteFarmData,
    setTargetCurve: canWriteFarmData,
    openWeighSession: canWriteFarmData,
    recordSessionWeights: canWriteFarmData,
    finalizeWeighSession: canWriteFarmData,
    cancelWeighSession: canWriteFarmData,
  },
  WeighSession: allow,
  Batch: allow,
  Barn: allow,
  Farm: { '*': allow, batches: canRead('kpi:read'), batchRanking: canRead('kpi:read') },
  BatchPerformance: allow,
  BatchDay: allow,
  BatchRanking: allow,
  KpiValue: allow,
  Uniformity: allow,
  HealthScore: allow,
  TargetCurve: allow,
  TargetCurvePoint: allow,
});
