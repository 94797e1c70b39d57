import type { QueryResolvers } from '../__generated__/resolvers-types';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { notFound } from '../../../lib/errors';
import { isUuid } from '../../../lib/validation';
import { findTenantSession } from '../weighSessions/sessionCommands';
import { sessionsNow } from '../weighSessions/sessionQueries';

export const Query: QueryResolvers = {
  batch: async (_parent, { id }, ctx) => {
    const tenantId = callerTenantId(ctx);
    const batch = isUuid(id) ? await ctx.db.batch.findFirst({ where: { id, tenantId } }) : null;
    return batch ?? Promise.reject(notFound('Batch'));
  },
  weighSession: (_parent, { id }, ctx) => findTenantSession(ctx.db, callerTenantId(ctx), id),
  weighSessionChangeEvents: (_parent, { events }, ctx) =>
    sessionsNow(
      ctx.db,
      callerTenantId(ctx),
      events.map((event) => event.sessionId),
    ),
};
