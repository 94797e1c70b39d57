import express, { type Express, type Response } from 'express';
import type { PrismaClient } from '../../../lib/db/database';
import type { Logger } from '../../../lib/logger';
import { publishChanges } from '../alerts/alertStore';
import { farmTimeZone } from '../topology';
import type { TelemetryDependencies } from '../dependencies';
import { ACK_PATH, readAckToken, type AckClaim } from './ackLink';
import { alertMessage, escapeHtml, farmLocalTime, type Language } from './message';
import { severityOf } from './severity';

const WORDS = {
  en: {
    confirm: 'Acknowledge this alert?',
    button: 'Acknowledge',
    done: 'Acknowledged. Nobody further will be called about it.',
    already: (at: string) => `Already acknowledged (${at}).`,
    invalid: 'This link is not valid. Open the alert in FarmIQ instead.',
    expired: 'This link has expired. Open the alert in FarmIQ instead.',
  },
  th: {
    confirm: 'รับทราบการแจ้งเตือนนี้?',
    button: 'รับทราบ',
    done: 'รับทราบแล้ว จะไม่มีการแจ้งต่อไปยังผู้อื่น',
    already: (at: string) => `มีผู้รับทราบแล้ว (${at})`,
    invalid: 'ลิงก์นี้ใช้ไม่ได้ กรุณาเปิดการแจ้งเตือนใน FarmIQ',
    expired: 'ลิงก์นี้หมดอายุแล้ว กรุณาเปิดการแจ้งเตือนใน FarmIQ',
  },
} as const;

function page(res: Response, status: number, language: Language, title: string, body = ''): void {
  // The token is in the address: no caching, no referrer, no indexing.
  res.set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' });
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>FarmIQ</title></head><body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`,
    );
}

/** The alert the claim names, with the person still subscribed in its tenant; null when either is gone. */
async function claimedAlert(db: PrismaClient, claim: AckClaim) {
  const [alert, subscription] = await Promise.all([
    db.alert.findFirst({ where: { id: claim.alertId, tenantId: claim.tenantId } }),
    db.notificationSubscription.findFirst({ where: { tenantId: claim.tenantId, userId: claim.userId }, select: { id: true } }),
  ]);
  return alert && subscription ? alert : null;
}

/**
 * GET shows the alert and a button; POST (the button) acknowledges it as the link's person,
 * as `acknowledgeAlert` does, and stops its escalation. See ackLink.ts for why two steps.
 */
export function mountAlertAckLink(app: Express, options: { db: PrismaClient; deps: TelemetryDependencies; log: Logger }): void {
  const { db, deps } = options;
  const log = options.log.child({ component: 'alert-ack-link' });

  const claimOr = (res: Response, token: unknown): AckClaim | null => {
    const claim = readAckToken(deps.secretBox, token, deps.now());
    if (claim === 'invalid') page(res, 400, 'en', WORDS.en.invalid);
    else if (claim === 'expired') page(res, 410, 'en', WORDS.en.expired);
    else return claim;
    return null;
  };

  app.get(ACK_PATH, async (req, res, next) => {
    try {
      const claim = claimOr(res, req.query.token);
      if (!claim) return;
      const w = WORDS[claim.language];
      const alert = await claimedAlert(db, claim);
      if (!alert) return page(res, 400, claim.language, w.invalid);
      const timeZone = (await farmTimeZone(db, alert.tenantId, alert.farmId)) ?? 'UTC';
      if (alert.acknowledgedAt) return page(res, 200, claim.language, w.already(farmLocalTime(alert.acknowledgedAt, timeZone, claim.language)));
      const message = alertMessage(alert, 'RAISED', severityOf(alert), timeZone, claim.language);
      const form = `<p>${escapeHtml(message.subject)}</p><p>${escapeHtml(farmLocalTime(alert.raisedAt, timeZone, claim.language))}</p>
<form method="post" action="${ACK_PATH}"><input type="hidden" name="token" value="${escapeHtml(String(req.query.token))}"><button type="submit">${escapeHtml(w.button)}</button></form>`;
      page(res, 200, claim.language, w.confirm, form);
    } catch (error) {
      next(error);
    }
  });

  app.post(ACK_PATH, express.urlencoded({ extended: false, limit: '4kb' }), async (req, res, next) => {
    try {
      const claim = claimOr(res, (req.body as Record<string, unknown> | undefined)?.token);
      if (!claim) return;
      const w = WORDS[claim.language];
      const alert = await claimedAlert(db, claim);
      if (!alert) return page(res, 400, claim.language, w.invalid);
      const timeZone = (await farmTimeZone(db, alert.tenantId, alert.farmId)) ?? 'UTC';
      const acknowledged = await db.alert.updateMany({
        where: { id: alert.id, acknowledgedAt: null },
        data: { acknowledgedAt: deps.now(), acknowledgedBy: claim.userId },
      });
      if (acknowledged.count === 0) {
        const current = await db.alert.findUniqueOrThrow({ where: { id: alert.id } });
        return page(res, 200, claim.language, w.already(farmLocalTime(current.acknowledgedAt!, timeZone, claim.language)));
      }
      await publishChanges(deps.pubsub, [{ tenantId: alert.tenantId, farmId: alert.farmId, alertId: alert.id, change: 'ACKNOWLEDGED' }]);
      log.info({ alertId: alert.id, userId: claim.userId }, 'alert acknowledged from an email link');
      page(res, 200, claim.language, w.done);
    } catch (error) {
      next(error);
    }
  });
}
