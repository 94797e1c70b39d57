import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { decodeJwt } from 'jose';
import { Counter } from 'prom-client';
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { metricsRegistry } from '../../lib/metrics';
import type { Logger } from '../../lib/logger';

/**
 * Who still uses what is deprecated: every request that selects a deprecated field, passes a
 * deprecated argument or names a deprecated enum value counts once per coordinate in
 * `farmiq_deprecated_usage_total{coordinate, caller}` on /metrics, and is logged with its
 * request id. A deprecated coordinate keeps working; it may be removed (CHANGELOG.md, after the
 * deprecation period) once this counter has stayed flat for it.
 */
export const deprecatedUsage = new Counter({
  name: 'farmiq_deprecated_usage_total',
  help: 'Requests that used a deprecated field, argument or enum value, by schema coordinate and caller kind (client, user, anonymous)',
  labelNames: ['coordinate', 'caller'] as const,
  registers: [metricsRegistry],
});

/** The deprecated coordinates a document uses (`Type.field`, `Type.field(argument:)`, `Enum.VALUE`), each once. */
export function deprecatedCoordinates(schema: GraphQLSchema, document: DocumentNode): string[] {
  const found = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field?.deprecationReason != null && parent) found.add(`${parent.name}.${field.name}`);
      },
      Argument() {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (argument?.deprecationReason != null && field && parent) found.add(`${parent.name}.${field.name}(${argument.name}:)`);
      },
      EnumValue() {
        const value = typeInfo.getEnumValue();
        const type = typeInfo.getInputType();
        if (value?.deprecationReason != null && type) found.add(`${String(type).replace(/[[\]!]/g, '')}.${value.name}`);
      },
    }),
  );
  return [...found].sort();
}

/** Counts deprecated usage per request; `callerOf` says who called (from the request's context). */
export function deprecatedUsagePlugin<Context extends BaseContext>(log: Logger, callerOf: (context: Context) => string): ApolloServerPlugin<Context> {
  // Apollo reuses the parsed document of a repeated query: walk each one once.
  const walked = new WeakMap<DocumentNode, string[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue, request }) {
          let coordinates = walked.get(document);
          if (!coordinates) walked.set(document, (coordinates = deprecatedCoordinates(schema, document)));
          if (coordinates.length === 0) return;
          const caller = callerOf(contextValue);
          for (const coordinate of coordinates) deprecatedUsage.inc({ coordinate, caller });
          log.info({ deprecated: coordinates, caller, operationName: request.operationName }, 'deprecated API used');
        },
      };
    },
  };
}

/**
 * The caller kind of a gateway request from its access token, which the request's context has
 * verified before any operation runs (so reading the claims unverified here is safe).
 */
export function callerKindOfToken(accessToken: string | undefined): string {
  if (!accessToken) return 'anonymous';
  try {
    const kind = (decodeJwt(accessToken) as { kind?: unknown }).kind;
    return kind === 'client' || kind === 'user' ? kind : 'unknown';
  } catch {
    return 'unknown';
  }
}
