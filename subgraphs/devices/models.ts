import type { Device } from '../../lib/db/generated/client';

/** What resolvers return for the GraphQL types that are not rows (codegen mappers). */

export interface RegisteredDeviceModel {
  device: Device;
  claimCode: string;
  claimLink: string;
  qrCodeSvg: string;
}

export interface DeviceCredentialsModel {
  device: Device;
  password: string;
  issuedAt: Date;
  previousValidUntil: Date | null;
}

export interface DeviceConnectionModel {
  nodes: Device[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}
