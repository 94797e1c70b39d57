import type { AnyLiveField } from './liveField';
import { alertChanged } from './alertChanged';
import { readingAdded } from './readingAdded';
import { weighSessionChanged } from './weighSessionChanged';

/** Every subscription field the gateway serves. */
export const LIVE_FIELDS: readonly AnyLiveField[] = [readingAdded, alertChanged, weighSessionChanged];
