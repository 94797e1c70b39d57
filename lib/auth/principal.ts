/** Roles a token can carry. PLATFORM_ADMIN is platform-wide; PARTNER is a machine client. */
export const ROLES = ['PLATFORM_ADMIN', 'TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified access token. The same in the gateway and every subgraph. */
export interface Principal {
  /** The user's or API client's id (`sub`). */
  subject: string;
  kind: 'user' | 'client';
  /** The tenant the token acts for; null only for a platform admin acting outside any tenant. */
  tenantId: string | null;
  roles: Role[];
  /** Partner clients' read-only scopes (`farms:read`, ...); empty for users. */
  scopes: string[];
  /**
   * The farms a partner's token may read in its tenant (a tenant's consent, `PartnerGrant`);
   * absent when the token reads every farm of its tenant. Every subgraph narrows to these.
   */
  farmIds?: string[];
  /** `jti`, for logs. */
  tokenId: string;
  /** `sid`: the login session (refresh token family) a user's token belongs to; logout revokes it. */
  sessionId?: string;
  /** An API client its tenant admin restricted to registered documents (the gateway enforces it). */
  registeredDocumentsOnly?: boolean;
  /** An API client's own tenant (its developer account), which may differ from `tenantId` on a granted tenant's token: its plan meters the client. */
  clientTenantId?: string;
  issuedAt: Date;
  expiresAt: Date;
}
