import { randomUUID } from 'node:crypto';
import type { Prisma } from '../db/generated/client';
import { sqlOfTransaction } from '../db/prismaSql';
import { appendEvent } from '../events/outbox';
import { AUDIT_ACTIONS, type AuditedAction } from '../events/topics';
import type { SubgraphContext } from '../graphql/context';

/** Who acted, from where, in which request: what every audit record carries besides the action. */
export interface AuditActor {
  actorId: string | null;
  actorKind: string | null;
  address: string;
  requestId: string;
}

export const auditActorOf = (ctx: SubgraphContext): AuditActor => ({
  actorId: ctx.principal?.subject ?? null,
  actorKind: ctx.principal?.kind ?? null,
  address: ctx.clientAddress,
  requestId: ctx.requestId,
});

/** The platform acting on its own (a scheduled renewal, a payment provider's webhook). */
export const platformActor = (actorKind: 'renewal' | 'payment-provider', requestId: string = randomUUID()): AuditActor => ({
  actorId: null,
  actorKind,
  address: '',
  requestId,
});

/**
 * Announces an audited action of a subgraph other than identity, in the action's own transaction:
 * identity's audit log consumer writes the record, so the record exists exactly when the action
 * committed.
 */
export async function appendAuditEvent(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  action: { action: AuditedAction; tenantId: string | null; targetType: string; targetId: string; detail?: string },
  at = new Date(),
): Promise<void> {
  await appendEvent(sqlOfTransaction(tx), AUDIT_ACTIONS, { id: randomUUID(), at: at.toISOString(), ...actor, ...action });
}

/**
 * Announces an action that changes nothing of the subgraph's own (an export), in a transaction of
 * its own. Called before the data is answered: an export whose record cannot be written fails.
 */
export async function auditRead(
  db: { $transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> },
  actor: AuditActor,
  action: { action: AuditedAction; tenantId: string | null; targetType: string; targetId: string; detail?: string },
): Promise<void> {
  await db.$transaction((tx) => appendAuditEvent(tx, actor, action));
}
