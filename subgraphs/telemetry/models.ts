import type { BucketInterval } from './readings/buckets';
import type { Bucket } from './readings/readingQueries';

export type { ReadingModel } from './readings/readingQueries';

/** What `readingSeries` resolves from (codegen mapper). */
export interface ReadingSeriesModel {
  deviceId: string;
  metric: string;
  unit: string;
  interval: BucketInterval;
  timeZone: string;
  buckets: Bucket[];
}
