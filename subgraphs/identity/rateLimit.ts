/** Failed logins allowed per account in the window; the next one is RATE_LIMITED. */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Per client address: higher, since one office or NAT may hold many users. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

/** Where identity's limiter keeps its counts in Redis. */
export const AUTH_FAILURES_NAMESPACE = 'auth-failures';
