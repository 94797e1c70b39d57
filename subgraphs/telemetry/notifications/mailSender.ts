import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** One email: plain text and HTML bodies of the same message. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The delivery's id: the Message-ID a mail system deduplicates a resent message on. */
  deliveryId: string;
}

/** Sends an email or throws; what the notification worker needs of a mail system. */
export interface MailSender {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailSenderOptions {
  /** SMTP_URL (smtp:// or smtps://, credentials in the URL); unset, mail is written as .eml files. */
  smtpUrl: string | undefined;
  /** MAIL_FROM. */
  from: string;
  /** Where development mail goes without SMTP_URL: `<dir>/<delivery id>.eml`. */
  fileDir: string;
}

/** A nodemailer sender over SMTP_URL, or (development) one writing each message to a file. */
export function createMailSender(options: MailSenderOptions): MailSender {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.deliveryId}@farmiq.notifications>`,
        headers: { 'X-FarmIQ-Delivery-Id': mail.deliveryId },
      });
      if (!options.smtpUrl) {
        await fs.mkdir(options.fileDir, { recursive: true });
        await fs.writeFile(path.join(options.fileDir, `${mail.deliveryId}.eml`), (info as unknown as { message: Buffer }).message);
      }
    },
    close: () => transport.close(),
  };
}
