/** Where alert emails' acknowledge links point, on the gateway's public address: telemetry serves it, the gateway passes it on. */
export const ACK_PATH = '/alerts/acknowledge';
