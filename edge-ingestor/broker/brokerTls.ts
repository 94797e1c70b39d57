import crypto from 'node:crypto';
import fs from 'node:fs';
import tls from 'node:tls';
import { ConfigError, type Config } from '../../lib/config';

/** Older protocol versions have known weaknesses; every MQTT client library of the last decade speaks 1.2. */
export const MIN_TLS_VERSION = 'TLSv1.2';

/** What the embedded broker's TLS listener is built from, read and checked once at start. */
export interface BrokerTls {
  options: tls.TlsOptions;
  /** The certificate's subject and expiry, for the start-up log. */
  subject: string;
  validTo: Date;
}

function readPem(variable: string, file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new ConfigError(`${variable}: cannot read ${file} (${code ?? message})`);
  }
}

/** Parses `pem` (read from `file`); a failure is one line naming the variable and what the file should hold. */
function parsePem<T>(variable: string, file: string, pem: string, expected: string, parse: (pem: string) => T): T {
  try {
    return parse(pem);
  } catch {
    throw new ConfigError(`${variable}: ${file} is not ${expected}`);
  }
}

/**
 * Reads MQTT_TLS_CERT_FILE, MQTT_TLS_KEY_FILE and MQTT_TLS_CA_FILE and checks that they make a
 * working TLS server (the key belongs to the certificate) before anything listens, so a wrong file
 * stops the start with one line instead of failing every device's handshake later. With a CA file a
 * device must also present a client certificate it signed (mutual TLS), on top of its password.
 */
export function loadBrokerTls(settings: NonNullable<Config['mqtt']['tls']>): BrokerTls {
  const cert = readPem('MQTT_TLS_CERT_FILE', settings.certFile);
  const certificate = parsePem('MQTT_TLS_CERT_FILE', settings.certFile, cert, 'a PEM certificate', (pem) => new crypto.X509Certificate(pem));
  // The private key is never echoed, not even in part.
  const key = readPem('MQTT_TLS_KEY_FILE', settings.keyFile);
  const privateKey = parsePem('MQTT_TLS_KEY_FILE', settings.keyFile, key, 'a PEM private key', (pem) => crypto.createPrivateKey(pem));
  if (!certificate.checkPrivateKey(privateKey)) {
    throw new ConfigError(`MQTT_TLS_KEY_FILE: ${settings.keyFile} is not the private key of the certificate in MQTT_TLS_CERT_FILE`);
  }
  const ca = settings.caFile ? readPem('MQTT_TLS_CA_FILE', settings.caFile) : undefined;
  if (ca) parsePem('MQTT_TLS_CA_FILE', settings.caFile!, ca, 'a PEM CA certificate', (pem) => new crypto.X509Certificate(pem));
  const options: tls.TlsOptions = { cert, key, minVersion: MIN_TLS_VERSION, ...(ca ? { ca, requestCert: true, rejectUnauthorized: true } : {}) };
  try {
    tls.createSecureContext(options);
  } catch (error) {
    throw new ConfigError(`MQTT_TLS_CERT_FILE: cannot make a TLS server from it and MQTT_TLS_KEY_FILE (${(error as Error).message})`);
  }
  return { options, subject: certificate.subject.replace(/\n/g, ', '), validTo: new Date(certificate.validTo) };
}
