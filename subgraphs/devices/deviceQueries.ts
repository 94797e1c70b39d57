import type { Device, Prisma, PrismaClient } from '../../lib/db/generated/client';
import { decodeCursor, pageOf } from '../../lib/graphql/cursor';
import { requirePageSize } from '../../lib/validation';
import type { DeviceConnectionModel } from './models';

/** Devices list in the order they were registered on the platform, then by id. */
const ORDER: Prisma.DeviceOrderByWithRelationInput[] = [{ registeredAt: 'asc' }, { id: 'asc' }];

/** One page of the devices `where` selects (always tenant-scoped by the caller). */
export async function devicePage(
  db: PrismaClient,
  where: Prisma.DeviceWhereInput,
  first: number,
  after: string | null | undefined,
): Promise<DeviceConnectionModel> {
  const take = requirePageSize(first);
  const cursor = after ? decodeCursor(after) : undefined;
  const rows = await db.device.findMany({
    where: cursor ? { AND: [where, { OR: [{ registeredAt: { gt: cursor.at } }, { registeredAt: cursor.at, id: { gt: cursor.id } }] }] } : where,
    orderBy: ORDER,
    take: take + 1,
  });
  return pageOf<Device>(rows, take, (device) => ({ at: device.registeredAt, id: device.id }));
}
