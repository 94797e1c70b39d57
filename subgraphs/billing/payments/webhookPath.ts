/** Where the payment provider posts its signed events (billing's module declares it; the gateway passes it through). */
export const WEBHOOK_PATH = '/webhooks/payments';
