/** What a tenant's system receives at its webhook endpoint, as JSON, for one alert change (README: Notifications). */
export interface AlertWebhookBody {
  deliveryId: string;
  type: 'alert.raised' | 'alert.cleared' | 'alert.escalated';
  alert: {
    id: string;
    farmId: string;
    /** Null for a whole farm's alert (EDGE_OFFLINE). */
    barnId: string | null;
    /** The device a DEVICE_SILENT alert is about. */
    deviceId: string | null;
    severity: string;
    builtIn: string | null;
    ruleId: string | null;
    metric: string;
    threshold: number;
    peakValue: number;
    lastValue: number;
    raisedAt: string;
    clearedAt: string | null;
  };
}
