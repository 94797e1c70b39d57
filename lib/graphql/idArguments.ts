/**
 * Every id an operation takes is checked here, before its resolver runs: it must name something
 * the caller's tenant owns (and, where one id scopes another, something under it), else the
 * operation answers NOT_FOUND, the same for another tenant's id and for an id that never
 * existed, and runs nothing. A malformed id is BAD_USER_INPUT.
 *
 * Resolvers keep their own tenant-scoped reads; this is the floor no operation can miss. Each
 * subgraph declares one check per ID argument of its Query and Mutation fields (input-object
 * fields and list elements included); building a subgraph whose schema has an ID argument with
 * no declaration fails, so a new operation cannot ship without saying whose ids it takes.
 */
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import type { IMiddlewareFieldMap } from 'graphql-middleware';
import { grantedFarmIds } from '../auth/farmScope';
import { tenantOrNull } from '../auth/tenantScope';
import type { PrismaClient } from '../db/database';
import { badInput, notFound } from '../errors';
import { isUuid } from '../validation';
import type { SubgraphContext } from './context';

/** The most ids one argument path may carry: the check is one query, never an unbounded one. */
export const MAX_IDS_PER_ARGUMENT = 1000;

/** The root types whose fields are operations a client calls with ids (subscriptions are the gateway's). */
const OPERATION_TYPES = ['Query', 'Mutation'] as const;

export interface OwnedIdCheck {
  /** What the id names, for the NOT_FOUND message (`Farm not found`). */
  kind: string;
  /**
   * The ids among `ids` (well-formed UUIDs, lower case) the caller may name in this call; `args`
   * are the operation's arguments, for checks scoped by another id (a barn of the farm given).
   */
  owned(ctx: SubgraphContext, ids: readonly string[], args: Record<string, unknown>): Promise<ReadonlySet<string>>;
}

/** An id the resolver checks itself because no tenant scopes it yet (a login's tenant choice); `reason` says how. */
export interface UnscopedId {
  unscoped: string;
}

export type IdArgumentCheck = OwnedIdCheck | UnscopedId;

/** Per operation (`Mutation.placeBatch`), per ID argument path (`input.farmId`, `events.deviceId`), its check. */
export type IdArgumentChecks = Record<string, Record<string, IdArgumentCheck>>;

/** Declares an id the resolver checks itself, saying why no tenant scopes it. */
export const unscoped = (reason: string): UnscopedId => ({ unscoped: reason });

/** A check from a function returning the owned ids among `ids`. */
export const ownedBy = (kind: string, owned: OwnedIdCheck['owned']): OwnedIdCheck => ({ kind, owned });

/** The farm of each id (null: under no farm), for callers confined to granted farms. */
export type FarmsOf = (db: PrismaClient, ids: readonly string[]) => Promise<ReadonlyMap<string, string | null>>;

/**
 * A check of ids the caller's tenant must own; a caller outside any tenant owns none. A partner
 * token confined to granted farms (lib/auth/farmScope.ts) owns only the ids `farmsOf` places in
 * one of them: a kind declared without `farmsOf` is never its.
 */
export const ofCallerTenant = (
  kind: string,
  owned: (db: PrismaClient, tenantId: string, ids: readonly string[], args: Record<string, unknown>) => Promise<ReadonlySet<string>>,
  farmsOf?: FarmsOf,
): OwnedIdCheck =>
  ownedBy(kind, async (ctx, ids, args) => {
    const tenantId = tenantOrNull(ctx);
    if (!tenantId) return new Set();
    const ofTenant = await owned(ctx.db, tenantId, ids, args);
    const granted = grantedFarmIds(ctx);
    if (granted === null) return ofTenant;
    if (!farmsOf || ofTenant.size === 0) return new Set();
    const farmOf = await farmsOf(ctx.db, [...ofTenant]);
    return new Set([...ofTenant].filter((id) => granted.includes(farmOf.get(id) ?? '')));
  });

/** Every ID-typed path under an argument: `farmId`, `input.barnId`, `events.deviceId` (list elements share a path). */
function idPathsOf(type: GraphQLInputType, path: string, seen: ReadonlySet<string> = new Set()): string[] {
  const named = getNamedType(type);
  if (named.name === 'ID') return [path];
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const inner = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((field) => idPathsOf(field.type, `${path}.${field.name}`, inner));
}

/** Every `Type.field` operation of `schema` with the paths of its ID arguments. */
export function idArgumentsOf(schema: GraphQLSchema): Map<string, string[]> {
  const operations = new Map<string, string[]>();
  for (const typeName of OPERATION_TYPES) {
    const type = schema.getType(typeName);
    if (!type || !('getFields' in type)) continue;
    for (const field of Object.values(type.getFields())) {
      const paths = ((field as { args?: readonly GraphQLArgument[] }).args ?? []).flatMap((arg) => idPathsOf(arg.type, arg.name));
      if (paths.length > 0) operations.set(`${typeName}.${field.name}`, paths);
    }
  }
  return operations;
}

/** The ids at each ID path of one argument value, in order (null and absent skipped). */
function collectIds(type: GraphQLInputType, value: unknown, path: string, into: Map<string, string[]>): void {
  if (value == null) return;
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    for (const item of value as unknown[]) collectIds(nullable.ofType as GraphQLInputType, item, path, into);
    return;
  }
  if (getNamedType(nullable).name === 'ID') {
    into.set(path, [...(into.get(path) ?? []), String(value)]);
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const field of Object.values(nullable.getFields()))
      collectIds(field.type, (value as Record<string, unknown>)[field.name], `${path}.${field.name}`, into);
  }
}

/** Refuses the call unless every id in `args` is well formed and owned (see the file comment). */
async function checkIds(checks: Record<string, IdArgumentCheck>, args: Record<string, unknown>, ctx: SubgraphContext, info: GraphQLResolveInfo): Promise<void> {
  const field = info.parentType.getFields()[info.fieldName]!;
  const idsByPath = new Map<string, string[]>();
  for (const arg of field.args) collectIds(arg.type, args[arg.name], arg.name, idsByPath);
  for (const [path, ids] of idsByPath) {
    const check = checks[path];
    if (!check || 'unscoped' in check) continue;
    if (ids.length > MAX_IDS_PER_ARGUMENT) throw badInput(`${path}: at most ${MAX_IDS_PER_ARGUMENT} ids, got ${ids.length}`, path);
    const malformed = ids.find((id) => !isUuid(id));
    if (malformed !== undefined) throw badInput(`${path}: expected an id (UUID), got ${JSON.stringify(malformed)}`, path);
    const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
    const owned = await check.owned(ctx, wanted, args);
    if (wanted.some((id) => !owned.has(id))) throw notFound(check.kind);
  }
}

/**
 * The middleware that checks every declared ID argument of `schema`'s operations. Throws at
 * build time when an operation's ID argument has no check, or a check names no argument.
 */
export function idArgumentMiddleware(subgraph: string, schema: GraphQLSchema, checks: IdArgumentChecks): IMiddlewareFieldMap {
  const declared = new Set(Object.entries(checks).flatMap(([operation, paths]) => Object.keys(paths).map((path) => `${operation}(${path})`)));
  const middleware: Record<string, Record<string, unknown>> = {};
  for (const [operation, paths] of idArgumentsOf(schema)) {
    const [typeName, fieldName] = operation.split('.') as [string, string];
    for (const path of paths) {
      if (!declared.delete(`${operation}(${path})`)) {
        throw new Error(`${subgraph}: ${operation} takes an ID at ${path} with no check: declare whose it is in subgraphs/${subgraph}/idArguments.ts`);
      }
    }
    const operationChecks = checks[operation]!;
    (middleware[typeName] ??= {})[fieldName] = async (
      resolve: (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown,
      parent: unknown,
      args: Record<string, unknown>,
      ctx: SubgraphContext,
      info: GraphQLResolveInfo,
    ) => {
      await checkIds(operationChecks, args, ctx, info);
      return resolve(parent, args, ctx, info);
    };
  }
  if (declared.size > 0) throw new Error(`${subgraph}: ID checks declared for arguments the schema does not have: ${[...declared].join(', ')}`);
  return middleware as IMiddlewareFieldMap;
}
