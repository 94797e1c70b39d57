import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface PemPair {
  certFile: string;
  keyFile: string;
  /** The certificate's PEM, for a client that trusts it. */
  cert: string;
}

/** A throwaway self-signed P-256 certificate for localhost and 127.0.0.1, valid one day (the machine's openssl). */
export function selfSignedCertificate(dir: string, name: string, subject = '/CN=localhost'): PemPair {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      subject,
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'pipe' },
  );
  return { certFile, keyFile, cert: fs.readFileSync(certFile, 'utf8') };
}

/** A client certificate for `subject`, signed by `ca` (mutual TLS). */
export function clientCertificate(dir: string, name: string, ca: PemPair, subject: string): PemPair & { key: string } {
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  const requestFile = path.join(dir, `${name}.csr`);
  execFileSync(
    'openssl',
    ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', subject, '-keyout', keyFile, '-out', requestFile],
    { stdio: 'pipe' },
  );
  execFileSync('openssl', ['x509', '-req', '-in', requestFile, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-CAcreateserial', '-days', '1', '-out', certFile], {
    stdio: 'pipe',
  });
  return { certFile, keyFile, cert: fs.readFileSync(certFile, 'utf8'), key: fs.readFileSync(keyFile, 'utf8') };
}
