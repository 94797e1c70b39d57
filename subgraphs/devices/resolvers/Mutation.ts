import type { MutationResolvers } from '../__generated__/resolvers-types';
import { isUniqueViolation } from '../../../lib/db/errors';
import { ErrorCode, userError } from '../../../lib/errors';
import { callerTenantId } from '../../../lib/auth/tenantScope';
import { requireText } from '../../../lib/validation';
import { requireTimeZone } from '../timeZone';

export const FARM_NAME_MAX_LENGTH = 120;

export const Mutation: MutationResolvers = {
  createFarm: async (_parent, { input }, ctx) => {
    const { db, log } = ctx;
    const data = {
      tenantId: callerTenantId(ctx),
      name: requireText(input.name, 'name', FARM_NAME_MAX_LENGTH),
      timeZone: requireTimeZone(input.timeZone),
    };
    try {
      const farm = await db.farm.create({ data });
      log.info({ farmId: farm.id, tenantId: farm.tenantId }, 'farm created');
      return farm;
    } catch (error) {
      if (isUniqueViolation(error)) throw userError(ErrorCode.Conflict, `name: the tenant already has a farm named "${data.name}"`);
      throw error;
    }
  },
};
