import type { Clock } from './clock';

/** What the billing subgraph needs from its process. */
export interface BillingDependencies {
  /** The time every period, proration and invoice date is taken from. */
  now: Clock;
}
