import type { SubgraphContext } from '../../../lib/graphql/context';
import { requestLoader } from '../../../lib/graphql/requestLoader';
import { farmTimeZone } from '../topology';
import { localDate } from '../formulas/dates';

/**
 * Today's date in the farm's time zone: the `asOf` of a question that names no day. A farm in
 * Bangkok is on tomorrow's date from 17:00 UTC on, one in Chicago still on yesterday's until
 * 05:00 UTC; UTC's date would answer for the wrong day there. The zone comes from kpi's
 * read model of devices' topology (devices owns farms), once per farm and request. A farm the
 * read model does not know for the tenant falls back to UTC rather than failing a read.
 */
export async function farmToday(ctx: SubgraphContext, farm: { tenantId: string; farmId: string }, now: Date = new Date()): Promise<string> {
  const zone = await requestLoader<string>(ctx, 'kpiFarmTimeZones', (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const [tenantId, farmId] = key.split('|', 2) as [string, string];
        return (await farmTimeZone(ctx.db, tenantId, farmId)) ?? 'UTC';
      }),
    ),
  ).load(`${farm.tenantId}|${farm.farmId}`);
  return localDate(now, zone);
}
