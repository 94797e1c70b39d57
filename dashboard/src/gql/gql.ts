/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query MyTenant {\n    me {\n      roles\n      user {\n        email\n      }\n      tenant {\n        id\n        name\n        activeSubscription {\n          plan\n        }\n        farms {\n          id\n          name\n          timeZone\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.MyTenantDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  query MyTenant {\n    me {\n      roles\n      user {\n        email\n      }\n      tenant {\n        id\n        name\n        activeSubscription {\n          plan\n        }\n        farms {\n          id\n          name\n          timeZone\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.MyTenantDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTenant {\n    me {\n      roles\n      user {\n        email\n      }\n      tenant {\n        id\n        name\n        activeSubscription {\n          plan\n        }\n        farms {\n          id\n          name\n          timeZone\n          batches {\n            id\n            headCountPlaced\n          }\n          alertRules {\n            id\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MyTenantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessTokenExpiresAt\n    }\n  }\n"): typeof import('./graphql').RefreshSessionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessTokenExpiresAt\n    }\n  }\n"): typeof import('./graphql').LoginDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
