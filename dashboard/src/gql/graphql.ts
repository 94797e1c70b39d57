/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type PlanCode =
  | 'ENTERPRISE'
  | 'PROFESSIONAL'
  | 'STARTER';

export type Species =
  | 'BROILER'
  | 'PIG';

export type TenantOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type TenantOverviewQuery = { tenant: { id: string, name: string, activeSubscription: { plan: PlanCode } | null, farms: Array<{ id: string, name: string, timeZone: string, batches: Array<{ id: string, species: Species, placedOn: string, headCountPlaced: number, placementWeightKg: number }>, alertRules: Array<{ id: string }> }> } | null };

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

export const TenantOverviewDocument = new TypedDocumentString(`
    query TenantOverview($id: ID!) {
  tenant(id: $id) {
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
        species
        placedOn
        headCountPlaced
        placementWeightKg
      }
      alertRules {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantOverviewQuery, TenantOverviewQueryVariables>;