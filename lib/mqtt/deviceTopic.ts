/**
 * The device side of the farm's MQTT contract: where a device publishes. The topic names the
 * device and nothing more; who the device is comes from its broker credentials (mosquittoPassword.ts).
 * Devices' registry (the topic it shows a claimed device) and the farm's ingestor both read it here.
 */

/** The root of a device's topics; a device may publish below its own root only. */
export const deviceTopicRoot = (deviceId: string) => `farmiq/devices/${deviceId}`;

/** Where a device publishes its readings (JSON, QoS 1; lib/edge/batch.ts). */
export const deviceTelemetryTopic = (deviceId: string) => `${deviceTopicRoot(deviceId)}/telemetry`;

/** The topics devices publish readings on; `+` is the device id. */
export const TELEMETRY_TOPIC_FILTER = deviceTelemetryTopic('+');

/** A telemetry topic; the group is the device id (a UUID). */
export const TELEMETRY_TOPIC = /^farmiq\/devices\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/telemetry$/;
