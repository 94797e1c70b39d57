// The scheme lives in lib: telemetry's outgoing alert webhooks are signed the same way.
export * from '../../../lib/crypto/webhookSignature';
