import { appendAuditEvent, type AuditActor } from '../../../lib/audit/auditEvents';
import type { BillingProfile, PrismaClient } from '../../../lib/db/generated/client';
import { inTenantTransaction, type BillingDb } from '../db';
import { requireCountry, requireInvoiceCurrency, type InvoiceCurrency } from '../money/currency';
import { vatRateFor } from '../invoices/writeInvoice';

/**
 * Until its admin sets a profile, a tenant is invoiced as a Thai customer in US dollars: the
 * platform's home market and the currency its price list starts from.
 */
export const DEFAULT_PROFILE = { country: 'TH', currency: 'USD' } as const;

export async function profileOf(db: BillingDb, tenantId: string): Promise<{ country: string; currency: InvoiceCurrency }> {
  const profile = await db.billingProfile.findUnique({ where: { tenantId } });
  return profile ? { country: profile.country, currency: profile.currency as InvoiceCurrency } : DEFAULT_PROFILE;
}

/** Sets the tenant's country and currency; a country without a VAT rate today is refused (invoices could not be issued). */
export async function setBillingProfile(
  db: PrismaClient,
  tenantId: string,
  input: { country: string; currency: string },
  now: Date,
  actor?: AuditActor,
): Promise<BillingProfile> {
  const country = requireCountry(input.country, 'country');
  const currency = requireInvoiceCurrency(input.currency, 'currency');
  await vatRateFor(db, country, now);
  // Per-tenant lock: two identical concurrent calls write one record between them.
  return inTenantTransaction(db, tenantId, async (tx) => {
    const before = await tx.billingProfile.findUnique({ where: { tenantId } });
    if (before && before.country === country && before.currency === currency) return before; // nothing changed: no second record
    const profile = await tx.billingProfile.upsert({ where: { tenantId }, create: { tenantId, country, currency }, update: { country, currency } });
    if (actor)
      await appendAuditEvent(
        tx,
        actor,
        { action: 'BILLING_PROFILE_CHANGED', tenantId, targetType: 'BillingProfile', targetId: tenantId, detail: `${country} ${currency}` },
        now,
      );
    return profile;
  });
}
