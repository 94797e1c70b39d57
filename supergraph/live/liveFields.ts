import type { AnyLiveField } from './liveField';
import { readingAdded } from './readingAdded';

/** Every subscription field the gateway serves. alertChanged joins here with its topic. */
export const LIVE_FIELDS: readonly AnyLiveField[] = [readingAdded];
