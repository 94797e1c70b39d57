import type { AlertRaisedOrClearedEvent, BatchClosedEvent, InvoiceIssuedEvent } from '../../../lib/events/topics';
import type { PartnerEventType } from '../__generated__/resolvers-types';

/**
 * A domain event as partners hear it: its type, whose it is (tenant, and farm where it has one),
 * the scope a client needs to be told, and the data sent. One function per outbox topic.
 */
export interface PartnerEvent {
  type: PartnerEventType;
  tenantId: string;
  /** Null for tenant-wide events (invoices): every client with the scope hears them. */
  farmId: string | null;
  /** The token scope (`telemetry:read`, …) a client's grant must carry. */
  scope: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/** The `type` field of a webhook body. */
export const WIRE_TYPES: Record<PartnerEventType, string> = {
  ALERT_RAISED: 'alert.raised',
  ALERT_CLEARED: 'alert.cleared',
  BATCH_CLOSED: 'batch.closed',
  INVOICE_ISSUED: 'invoice.issued',
};

export const fromAlert = (event: AlertRaisedOrClearedEvent): PartnerEvent => ({
  type: event.change === 'RAISED' ? 'ALERT_RAISED' : 'ALERT_CLEARED',
  tenantId: event.tenantId,
  farmId: event.farmId,
  scope: 'telemetry:read',
  occurredAt: event.change === 'RAISED' ? event.raisedAt : (event.clearedAt ?? event.raisedAt),
  data: {
    alert: {
      id: event.alertId,
      farmId: event.farmId,
      barnId: event.barnId,
      severity: event.severity,
      metric: event.metric,
      builtIn: event.builtIn,
      ruleId: event.ruleId,
      threshold: event.threshold,
      peakValue: event.peakValue,
      lastValue: event.lastValue,
      raisedAt: event.raisedAt,
      clearedAt: event.clearedAt,
    },
  },
});

export const fromBatch = (event: BatchClosedEvent): PartnerEvent => ({
  type: 'BATCH_CLOSED',
  tenantId: event.tenantId,
  farmId: event.farmId,
  scope: 'kpi:read',
  occurredAt: event.closedAt,
  data: {
    batch: {
      id: event.batchId,
      farmId: event.farmId,
      barnId: event.barnId,
      species: event.species,
      headCountPlaced: event.headCountPlaced,
      placedOn: event.placedOn,
    },
  },
});

export const fromInvoice = (event: InvoiceIssuedEvent): PartnerEvent => ({
  type: 'INVOICE_ISSUED',
  tenantId: event.tenantId,
  farmId: null,
  scope: 'billing:read',
  occurredAt: event.issuedAt,
  data: { invoice: { id: event.invoiceId, number: event.number, kind: event.kind, total: { amountMinor: event.totalMinor, currency: event.currency } } },
});
