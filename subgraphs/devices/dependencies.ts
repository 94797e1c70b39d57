import type { SecretBox } from '../../lib/crypto/secretBox';
import type { RateLimitStore } from '../../lib/rateLimit/store';

/** What the devices subgraph needs from its process. */
export interface DevicesDependencies {
  /** Counts wrong claim codes per tenant. */
  claimLimits: RateLimitStore;
  /** Encrypts edge gateway keys at rest (FARMIQ_SECRETS_KEY). */
  secretBox: SecretBox;
  /** The time every state change is stamped with; tests pass a fixed clock. */
  now: () => Date;
}
