import type { Alert, AlertSeverity } from '../../../lib/db/generated/client';
import type { NotifiedChange } from './enqueue';

/** The languages a recipient can read their alerts in. */
export const LANGUAGES = ['en', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/** What an alert message says, in one language, before it is laid out as text or HTML. */
export interface AlertMessage {
  subject: string;
  text: string;
  html: string;
}

const WORDS = {
  en: {
    severity: { WARNING: 'Warning', CRITICAL: 'Critical' },
    change: { RAISED: 'raised', CLEARED: 'cleared' },
    escalated: ', still not acknowledged',
    what: {
      HEAT_STRESS_THI: 'Heat stress (THI)',
      AMMONIA_HIGH: 'High ammonia',
      WATER_INTAKE_DROP: 'Water intake drop',
      DEVICE_SILENT: 'Device silent',
      EDGE_OFFLINE: 'Farm offline (nothing received)',
    },
    rule: (metric: string) => `Alert rule on ${metric}`,
    at: 'Time (farm)',
    value: 'Latest value',
    peak: 'Worst value',
    threshold: 'Threshold',
    acknowledge: 'Acknowledge (stops escalation)',
    locale: 'en-GB',
  },
  th: {
    severity: { WARNING: 'เตือน', CRITICAL: 'วิกฤต' },
    change: { RAISED: 'เกิดขึ้น', CLEARED: 'กลับสู่ปกติ' },
    escalated: ' ยังไม่มีผู้รับทราบ',
    what: {
      HEAT_STRESS_THI: 'ความเครียดจากความร้อน (THI)',
      AMMONIA_HIGH: 'แอมโมเนียสูง',
      WATER_INTAKE_DROP: 'การกินน้ำลดลง',
      DEVICE_SILENT: 'อุปกรณ์ไม่ส่งข้อมูล',
      EDGE_OFFLINE: 'ฟาร์มออฟไลน์ (ไม่ได้รับข้อมูล)',
    },
    rule: (metric: string) => `กฎแจ้งเตือน ${metric}`,
    at: 'เวลา (ฟาร์ม)',
    value: 'ค่าล่าสุด',
    peak: 'ค่าที่แย่ที่สุด',
    threshold: 'เกณฑ์',
    acknowledge: 'รับทราบ (หยุดการแจ้งต่อ)',
    locale: 'th-TH',
  },
} as const;

/** `at` as the farm's clock shows it, with the zone's name (e.g. "20 Nov 2026, 08:00 Asia/Bangkok"). */
export function farmLocalTime(at: Date, timeZone: string, language: Language): string {
  const formatted = new Intl.DateTimeFormat(WORDS[language].locale, { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(at);
  return `${formatted} ${timeZone}`;
}

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message about `change` of `alert` for a reader of `language` on a farm in `timeZone`, with the acknowledge link when given. */
export function alertMessage(
  alert: Alert,
  change: NotifiedChange,
  severity: AlertSeverity,
  timeZone: string,
  language: Language,
  ackUrl?: string,
): AlertMessage {
  const w = WORDS[language];
  const what = alert.builtIn ? w.what[alert.builtIn] : w.rule(alert.metric);
  const at = change === 'CLEARED' && alert.clearedAt ? alert.clearedAt : alert.raisedAt;
  const escalated = change.startsWith('ESCALATED');
  const subject = `[${w.severity[severity]}] ${what} ${w.change[escalated ? 'RAISED' : (change as 'RAISED' | 'CLEARED')]}${escalated ? w.escalated : ''}`;
  const lines: Array<[string, string]> = [
    [w.at, farmLocalTime(at, timeZone, language)],
    [w.value, String(alert.lastValue)],
    [w.peak, String(alert.peakValue)],
    [w.threshold, String(alert.threshold)],
  ];
  const text = [subject, '', ...lines.map(([label, value]) => `${label}: ${value}`), ...(ackUrl ? ['', `${w.acknowledge}: ${ackUrl}`] : [])].join('\n');
  const rows = lines.map(([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('');
  const link = ackUrl ? `<p><a href="${escapeHtml(ackUrl)}">${escapeHtml(w.acknowledge)}</a></p>` : '';
  const html = `<!doctype html><html lang="${language}"><body><h1>${escapeHtml(subject)}</h1><table>${rows}</table>${link}</body></html>`;
  return { subject, text, html };
}

/** The same message as a phone notification: the subject as its title, the figures as its body (no link: tapping opens the alert). */
export function alertPushText(
  alert: Alert,
  change: NotifiedChange,
  severity: AlertSeverity,
  timeZone: string,
  language: Language,
): { title: string; body: string } {
  const message = alertMessage(alert, change, severity, timeZone, language);
  return { title: message.subject, body: message.text.split('\n').slice(2).join('\n') };
}
