import { useI18n } from '../i18n/I18n';

/**
 * The words of the second-factor pages, in their own catalogue beside them (English and Thai,
 * the same keys), so these pages can grow without touching the shared catalogues.
 */
const en = {
  'mfa.heading': 'Second step',
  'mfa.codeLabel': 'Code from your authenticator app',
  'mfa.recoveryLabel': 'Recovery code',
  'mfa.useRecovery': 'Use a recovery code instead',
  'mfa.useCode': 'Use the authenticator app instead',
  'mfa.usePasskey': 'Use a passkey',
  'mfa.submit': 'Continue',
  'mfa.wrong': 'That code is wrong or was used already.',
  'mfa.expired': 'This login expired; start again.',
  'mfa.passkeyFailed': 'The passkey did not answer.',
  'mfa.enrolHeading': 'Your organisation requires a second step',
  'mfa.enrolIntro': 'Scan this code with an authenticator app (or type the key), then enter the code it shows.',
  'mfa.enrolPasskeyIntro': 'Or use a passkey instead: this device’s screen lock, or a security key.',
  'mfa.secretLabel': 'Key',
  'mfa.qrAlt': 'QR code to scan with an authenticator app',
  'mfa.recoveryHeading': 'Your recovery codes',
  'mfa.recoveryIntro': 'Each code logs you in once if you lose your phone. They are shown only now: write them down or print them.',
  'mfa.recoveryDone': 'I have kept them',
  'security.heading': 'Sign-in security',
  'security.link': 'Security',
  'security.totp': 'Authenticator app',
  'security.totpOn': 'On',
  'security.totpOff': 'Off',
  'security.enrol': 'Set up an authenticator app',
  'security.disable': 'Turn off the authenticator app',
  'security.password': 'Your password',
  'security.currentCode': 'A current code (or a recovery code)',
  'security.regenerate': 'New recovery codes',
  'security.codesLeft': 'Recovery codes left: {count}',
  'security.passkeys': 'Passkeys',
  'security.noPasskeys': 'No passkey yet.',
  'security.passkeyName': 'Name for this passkey',
  'security.addPasskey': 'Add a passkey',
  'security.remove': 'Remove',
  'security.tenantHeading': 'Organisation',
  'security.requireMfa': 'Everyone must use a second step',
  'security.saved': 'Saved.',
} as const;

export type SecurityTextKey = keyof typeof en;

const th: Record<SecurityTextKey, string> = {
  'mfa.heading': 'ขั้นตอนที่สอง',
  'mfa.codeLabel': 'รหัสจากแอปยืนยันตัวตน',
  'mfa.recoveryLabel': 'รหัสกู้คืน',
  'mfa.useRecovery': 'ใช้รหัสกู้คืนแทน',
  'mfa.useCode': 'ใช้แอปยืนยันตัวตนแทน',
  'mfa.usePasskey': 'ใช้พาสคีย์',
  'mfa.submit': 'ดำเนินการต่อ',
  'mfa.wrong': 'รหัสไม่ถูกต้องหรือถูกใช้ไปแล้ว',
  'mfa.expired': 'การเข้าสู่ระบบนี้หมดเวลาแล้ว กรุณาเริ่มใหม่',
  'mfa.passkeyFailed': 'พาสคีย์ไม่ตอบสนอง',
  'mfa.enrolHeading': 'องค์กรของคุณกำหนดให้ใช้การยืนยันขั้นที่สอง',
  'mfa.enrolIntro': 'สแกนรหัสนี้ด้วยแอปยืนยันตัวตน (หรือพิมพ์คีย์) แล้วกรอกรหัสที่แอปแสดง',
  'mfa.enrolPasskeyIntro': 'หรือใช้พาสคีย์แทน: การล็อกหน้าจอของอุปกรณ์นี้ หรือกุญแจความปลอดภัย',
  'mfa.secretLabel': 'คีย์',
  'mfa.qrAlt': 'คิวอาร์โค้ดสำหรับสแกนด้วยแอปยืนยันตัวตน',
  'mfa.recoveryHeading': 'รหัสกู้คืนของคุณ',
  'mfa.recoveryIntro': 'แต่ละรหัสใช้เข้าสู่ระบบได้หนึ่งครั้งหากโทรศัพท์หาย รหัสจะแสดงเพียงครั้งนี้ กรุณาจดหรือพิมพ์เก็บไว้',
  'mfa.recoveryDone': 'เก็บรหัสไว้แล้ว',
  'security.heading': 'ความปลอดภัยในการเข้าสู่ระบบ',
  'security.link': 'ความปลอดภัย',
  'security.totp': 'แอปยืนยันตัวตน',
  'security.totpOn': 'เปิด',
  'security.totpOff': 'ปิด',
  'security.enrol': 'ตั้งค่าแอปยืนยันตัวตน',
  'security.disable': 'ปิดแอปยืนยันตัวตน',
  'security.password': 'รหัสผ่านของคุณ',
  'security.currentCode': 'รหัสปัจจุบัน (หรือรหัสกู้คืน)',
  'security.regenerate': 'สร้างรหัสกู้คืนใหม่',
  'security.codesLeft': 'รหัสกู้คืนที่เหลือ: {count}',
  'security.passkeys': 'พาสคีย์',
  'security.noPasskeys': 'ยังไม่มีพาสคีย์',
  'security.passkeyName': 'ชื่อพาสคีย์นี้',
  'security.addPasskey': 'เพิ่มพาสคีย์',
  'security.remove': 'ลบ',
  'security.tenantHeading': 'องค์กร',
  'security.requireMfa': 'ทุกคนต้องใช้การยืนยันขั้นที่สอง',
  'security.saved': 'บันทึกแล้ว',
};

export function useSecurityText(): (key: SecurityTextKey, values?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  const catalogue: Record<SecurityTextKey, string> = locale === 'th' ? th : en;
  return (key, values) => catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole));
}
