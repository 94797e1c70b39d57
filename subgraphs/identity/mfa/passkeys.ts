import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { MfaChallenge, Passkey, PrismaClient } from '../../../lib/db/generated/client';
import { badInput } from '../../../lib/errors';
import { openChallenge } from './challenges';

/**
 * WebAuthn as a second factor, through SimpleWebAuthn. The relying party is the dashboard's
 * public URL (FARMIQ_PUBLIC_URL): its host name is the RP ID, its origin the only origin whose
 * answers count, so a passkey phished on another site is useless here.
 */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingPartyOf(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, name: 'FarmIQ', origin: url.origin };
}

/** Registration options for the user; the challenge waits in a PASSKEY_REGISTRATION challenge row. */
export async function passkeyRegistrationOptions(db: PrismaClient, rp: RelyingParty, user: { id: string; email: string }): Promise<string> {
  const existing = await db.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransportFuture[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await openChallenge(db, { purpose: 'PASSKEY_REGISTRATION', userId: user.id, tenantId: null, webauthnChallenge: options.challenge });
  return JSON.stringify(options);
}

function parseJson<T>(text: string, field: string): T {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string') return value as T;
  } catch {
    // answered below
  }
  throw badInput(`${field}: expected the credential's JSON as the browser returned it`, field);
}

/** Verifies the browser's answer to the user's newest live registration options and stores the passkey. */
export async function registerPasskey(
  db: PrismaClient,
  rp: RelyingParty,
  userId: string,
  name: string,
  responseJson: string,
  now = new Date(),
): Promise<Passkey> {
  const response = parseJson<RegistrationResponseJSON>(responseJson, 'response');
  const pending = await db.mfaChallenge.findFirst({
    where: { userId, purpose: 'PASSKEY_REGISTRATION', spentAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  });
  if (!pending?.webauthnChallenge) throw badInput('response: no registration is in progress; call startPasskeyRegistration first', 'response');
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: pending.webauthnChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch(() => ({ verified: false as const }));
  if (!verification.verified) throw badInput('response: the passkey could not be verified', 'response');
  const { count } = await db.mfaChallenge.updateMany({ where: { id: pending.id, spentAt: null }, data: { spentAt: now } });
  if (count !== 1) throw badInput('response: this registration was used already', 'response');
  const { credential } = verification.registrationInfo;
  return db.passkey.create({
    data: {
      userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: BigInt(credential.counter),
      transports: credential.transports ?? [],
      name,
    },
  });
}

/** Authentication options for a login's challenge: the user's passkeys, a fresh WebAuthn challenge kept on the row. */
export async function passkeyLoginOptions(db: PrismaClient, rp: RelyingParty, challenge: MfaChallenge): Promise<string | null> {
  const keys = await db.passkey.findMany({ where: { userId: challenge.userId }, select: { credentialId: true, transports: true } });
  if (keys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((key) => ({ id: key.credentialId, transports: key.transports as AuthenticatorTransportFuture[] })),
    userVerification: 'preferred',
  });
  await db.mfaChallenge.update({ where: { id: challenge.id }, data: { webauthnChallenge: options.challenge } });
  return JSON.stringify(options);
}

/**
 * True when `responseJson` is a valid assertion by one of the user's passkeys over the login's
 * WebAuthn challenge. The WebAuthn challenge is cleared in the same step, so an assertion is
 * good once; a signature counter that does not move forward (a cloned key) is refused.
 */
export async function acceptPasskeyAssertion(
  db: PrismaClient,
  rp: RelyingParty,
  challenge: MfaChallenge,
  responseJson: string,
  now = new Date(),
): Promise<boolean> {
  const response = parseJson<AuthenticationResponseJSON>(responseJson, 'passkeyResponse');
  if (!challenge.webauthnChallenge) return false;
  const { count } = await db.mfaChallenge.updateMany({
    where: { id: challenge.id, webauthnChallenge: challenge.webauthnChallenge },
    data: { webauthnChallenge: null },
  });
  if (count !== 1) return false;
  const key = await db.passkey.findUnique({ where: { credentialId: response.id } });
  if (!key || key.userId !== challenge.userId) return false;
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge.webauthnChallenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.credentialId,
      publicKey: new Uint8Array(Buffer.from(key.publicKey, 'base64url')),
      counter: Number(key.signCount),
      transports: key.transports as AuthenticatorTransportFuture[],
    },
    requireUserVerification: false,
  }).catch(() => ({ verified: false, authenticationInfo: undefined }));
  if (!verification.verified || !verification.authenticationInfo) return false;
  const newCounter = BigInt(verification.authenticationInfo.newCounter);
  // Authenticators that keep no counter send 0 every time; others must move forward.
  const moved = await db.passkey.updateMany({
    where: { id: key.id, signCount: newCounter === 0n ? 0n : { lt: newCounter } },
    data: { signCount: newCounter, lastUsedAt: now },
  });
  return moved.count === 1;
}
