import { createContext, useContext } from 'react';
import type { ViewerQuery } from '../gql/graphql';

export type Viewer = ViewerQuery['me'];
export type ViewerFarm = NonNullable<Viewer['tenant']>['farms'][number];

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside a session');
  return viewer;
}

/** What the roles allow, mirroring the API's permissions so no control is offered that the API refuses. */
export function usePermissions() {
  const { roles } = useViewer();
  const has = (...wanted: string[]) => roles.some((role) => wanted.includes(role));
  return {
    /** Farm topology, batches, rules, devices. */
    canManageFarm: has('PLATFORM_ADMIN', 'TENANT_ADMIN', 'FARM_MANAGER'),
    /** Acknowledging alerts, recording the day. */
    canOperate: has('PLATFORM_ADMIN', 'TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR'),
    isTenantAdmin: has('TENANT_ADMIN'),
    isPlatformAdmin: has('PLATFORM_ADMIN'),
  };
}

/** The farm of the route's `farmId`, from the session's tenant. */
export function useFarm(farmId: string | undefined): ViewerFarm | undefined {
  return useViewer().tenant?.farms.find((farm) => farm.id === farmId);
}
