/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type LoginInput = {
  email: string;
  /** Required when the password is temporary: the new password, which must pass the policy. */
  newPassword?: string | null | undefined;
  password: string;
  /** The tenant to act for; needed when the user belongs to several. A platform admin may name any. */
  tenantId?: string | number | null | undefined;
  /** Browsers: set the tokens as HttpOnly, SameSite=Strict cookies instead of returning them. */
  useCookies?: boolean | null | undefined;
};

export type PlanCode =
  | 'ENTERPRISE'
  | 'PROFESSIONAL'
  | 'STARTER';

export type Role =
  /** Changes farm topology, batches and alert rules. */
  | 'FARM_MANAGER'
  /** Works in the barns: reads, acknowledges alerts. */
  | 'OPERATOR'
  /** A partner system's API client: reads within its scopes. */
  | 'PARTNER'
  /** Runs the platform: creates tenants; acts in any tenant it logs in to. */
  | 'PLATFORM_ADMIN'
  /** Manages a tenant: its users, billing and everything its farm managers can do. */
  | 'TENANT_ADMIN'
  /** Reads only. */
  | 'VIEWER';

export type MyTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTenantQuery = { me: { roles: Array<Role>, user: { email: string } | null, tenant: { id: string, name: string, activeSubscription: { plan: PlanCode } | null, farms: Array<{ id: string, name: string, timeZone: string, batches: Array<{ id: string, headCountPlaced: number }>, alertRules: Array<{ id: string }> }> } | null } };

export type RefreshSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type RefreshSessionMutation = { refreshSession: { accessTokenExpiresAt: string } };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessTokenExpiresAt: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const MyTenantDocument = new TypedDocumentString(`
    query MyTenant {
  me {
    roles
    user {
      email
    }
    tenant {
      id
      name
      activeSubscription {
        plan
      }
      farms {
        id
        name
        timeZone
        batches {
          id
          headCountPlaced
        }
        alertRules {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyTenantQuery, MyTenantQueryVariables>;
export const RefreshSessionDocument = new TypedDocumentString(`
    mutation RefreshSession {
  refreshSession {
    accessTokenExpiresAt
  }
}
    `) as unknown as TypedDocumentString<RefreshSessionMutation, RefreshSessionMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    accessTokenExpiresAt
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;