import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Logger } from '../logger';

/** An email to one person: plain text, and optionally the same message as HTML. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * A stable id of this message (a notification's delivery id): its `Message-ID` and
   * `X-FarmIQ-Delivery-Id`, so a resent copy can be recognised, and the development file's name.
   */
  id?: string;
}

/** The one mail sender of FarmIQ: account links (identity) and alert notifications (telemetry). */
export interface Mailer {
  /** How mail leaves: `smtp`, `folder` (development: files in the data folder) or `none` (production without SMTP_URL). */
  mode: 'smtp' | 'folder' | 'none';
  /** Sends or throws (an SMTP refusal, a network error); in `none` mode logs and sends nothing. */
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  /** SMTP_URL, e.g. smtps://user:password@mail.example.com:465; unset, development writes files instead. */
  smtpUrl: string | undefined;
  from: string;
  dataDir: string;
  production: boolean;
  log: Logger;
}

/** The folder development mail is written to, one `.eml` file per message. */
export const mailFolder = (dataDir: string) => path.join(dataDir, 'mail');

/** The domain part of the Message-ID of a message with an id. */
const MESSAGE_ID_DOMAIN = 'farmiq.notifications';

/** What nodemailer is given for `mail`. */
function message(from: string, mail: Mail): SendMailOptions {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    ...(mail.html ? { html: mail.html } : {}),
    ...(mail.id ? { messageId: `<${mail.id}@${MESSAGE_ID_DOMAIN}>`, headers: { 'X-FarmIQ-Delivery-Id': mail.id } } : {}),
  };
}

/**
 * SMTP through nodemailer when SMTP_URL is set. Without it, development writes each message as
 * an `.eml` file into the data folder and logs where (links in it work as sent); production
 * sends nothing rather than leave account links on a disk, and says so once at start.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      mode: 'smtp',
      async send(mail) {
        await transport.sendMail(message(options.from, mail));
      },
      close: () => transport.close(),
    };
  }
  if (options.production) {
    options.log.warn('SMTP_URL is not set: password reset, invitation and alert emails are not sent');
    return {
      mode: 'none',
      async send(mail) {
        options.log.warn({ subject: mail.subject }, 'email not sent: SMTP_URL is not set');
      },
      close: () => {},
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    mode: 'folder',
    async send(mail) {
      const { message: raw } = (await writer.sendMail(message(options.from, mail))) as { message: Buffer };
      const folder = mailFolder(options.dataDir);
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const name = mail.id ?? `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
      const file = path.join(folder, `${name}.eml`);
      fs.writeFileSync(file, raw, { mode: 0o600 });
      options.log.info({ file, subject: mail.subject }, 'development mode: email written to the data folder instead of sent (set SMTP_URL to send)');
    },
    close: () => writer.close(),
  };
}
