import type { ReadingResolvers } from '../__generated__/resolvers-types';
import { unitOf } from '../../../lib/deviceKinds';

export const Reading: ReadingResolvers = {
  device: (reading) => ({ id: reading.deviceId }),
  unit: (reading) => unitOf(reading.metric),
};
