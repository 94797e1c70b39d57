import { useI18n } from '../i18n/I18n';

/** The words of the notification settings page, English and Thai, the same keys. */
const en = {
  'notifications.link': 'Notifications',
  'notifications.heading': 'Alert notifications',
  'notifications.deviceHeading': 'This device',
  'notifications.pushToggle': 'Push notifications on this device',
  'notifications.pushIntro': 'Your phone or computer shows FarmIQ alerts even when FarmIQ is closed. Tapping one opens the alert.',
  'notifications.farm': 'Farm',
  'notifications.allFarms': 'All farms',
  'notifications.severity': 'Which alerts',
  'notifications.severityWarning': 'Warnings and critical alerts',
  'notifications.severityCritical': 'Critical alerts only',
  'notifications.unsupported': 'This browser cannot receive push notifications.',
  'notifications.serverOff': 'Push notifications are not set up on this FarmIQ server.',
  'notifications.denied': 'Notifications are blocked for FarmIQ in this browser. Allow them in the browser’s site settings, then try again.',
  'notifications.failed': 'This browser could not subscribe to push notifications. Try again later.',
  'notifications.on': 'On: alerts will reach this device.',
  'notifications.off': 'Off.',
  'notifications.channelsHeading': 'Your channels',
  'notifications.noChannels': 'You receive no alert notifications yet.',
  'notifications.channelEMAIL': 'Email',
  'notifications.channelPUSH': 'Push',
  'notifications.channelWEBHOOK': 'Webhook',
  'notifications.remove': 'Remove',
  'notifications.thisDevice': '(this device)',
} as const;

export type NotificationTextKey = keyof typeof en;

const th: Record<NotificationTextKey, string> = {
  'notifications.link': 'การแจ้งเตือน',
  'notifications.heading': 'การแจ้งเตือนเหตุผิดปกติ',
  'notifications.deviceHeading': 'อุปกรณ์นี้',
  'notifications.pushToggle': 'แจ้งเตือนแบบพุชบนอุปกรณ์นี้',
  'notifications.pushIntro': 'โทรศัพท์หรือคอมพิวเตอร์ของคุณจะแสดงการแจ้งเตือนจาก FarmIQ แม้ปิด FarmIQ อยู่ แตะเพื่อเปิดดูการแจ้งเตือน',
  'notifications.farm': 'ฟาร์ม',
  'notifications.allFarms': 'ทุกฟาร์ม',
  'notifications.severity': 'การแจ้งเตือนที่ต้องการ',
  'notifications.severityWarning': 'ระดับเตือนและวิกฤต',
  'notifications.severityCritical': 'เฉพาะระดับวิกฤต',
  'notifications.unsupported': 'เบราว์เซอร์นี้รับการแจ้งเตือนแบบพุชไม่ได้',
  'notifications.serverOff': 'เซิร์ฟเวอร์ FarmIQ นี้ยังไม่ได้ตั้งค่าการแจ้งเตือนแบบพุช',
  'notifications.denied': 'เบราว์เซอร์นี้บล็อกการแจ้งเตือนของ FarmIQ อยู่ กรุณาอนุญาตในการตั้งค่าเว็บไซต์ของเบราว์เซอร์ แล้วลองอีกครั้ง',
  'notifications.failed': 'เบราว์เซอร์นี้สมัครรับการแจ้งเตือนแบบพุชไม่สำเร็จ กรุณาลองใหม่ภายหลัง',
  'notifications.on': 'เปิดอยู่: การแจ้งเตือนจะส่งถึงอุปกรณ์นี้',
  'notifications.off': 'ปิดอยู่',
  'notifications.channelsHeading': 'ช่องทางของคุณ',
  'notifications.noChannels': 'คุณยังไม่ได้รับการแจ้งเตือนทางช่องทางใด',
  'notifications.channelEMAIL': 'อีเมล',
  'notifications.channelPUSH': 'พุช',
  'notifications.channelWEBHOOK': 'เว็บฮุก',
  'notifications.remove': 'ลบ',
  'notifications.thisDevice': '(อุปกรณ์นี้)',
};

export function useNotificationText(): (key: NotificationTextKey) => string {
  const { locale } = useI18n();
  const catalogue: Record<NotificationTextKey, string> = locale === 'th' ? th : en;
  return (key) => catalogue[key];
}
