import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger';

/** A plain-text email to one person. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** How mail leaves: `smtp`, `folder` (development: files in the data folder) or `none` (production without SMTP_URL). */
  mode: 'smtp' | 'folder' | 'none';
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
        await transport.sendMail({ from: options.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  if (options.production) {
    options.log.warn('SMTP_URL is not set: password reset and invitation emails are not sent');
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
      const { message } = (await writer.sendMail({ from: options.from, ...mail })) as { message: Buffer };
      const folder = mailFolder(options.dataDir);
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
      fs.writeFileSync(file, message, { mode: 0o600 });
      options.log.info({ file, subject: mail.subject }, 'development mode: email written to the data folder instead of sent (set SMTP_URL to send)');
    },
    close: () => writer.close(),
  };
}
