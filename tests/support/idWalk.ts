import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { idArgumentsOf } from '../../lib/graphql/idArguments';

/**
 * Calls of every operation of the API schema that takes an ID, one per ID argument path, with
 * a chosen value at that path and the caller's own ids and any well-typed value elsewhere: the
 * tenant isolation walk sends another tenant's id, an unknown one and a malformed one through
 * each. Generated from the schema, so a new operation is walked without anyone writing a case.
 */
export interface IdProbe {
  /** `Mutation.placeBatch`. */
  operation: string;
  /** `input.farmId`. */
  path: string;
  /** What the id at `path` names (`farm`, `alertRule`, ...). */
  kind: string;
  /** The document and its variables with `value` at `path`. */
  call(value: string): { query: string; variables: Record<string, unknown> };
}

/** The kind an ID argument names, by its name. */
const KIND_OF_NAME: Record<string, string> = {
  farmId: 'farm',
  farmIds: 'farm',
  barnId: 'barn',
  deviceId: 'device',
  batchId: 'batch',
  invoiceId: 'invoice',
  paymentId: 'payment',
  gatewayId: 'gateway',
  tenantId: 'tenant',
  clientId: 'apiClient',
  alertId: 'alert',
  userId: 'member',
  sessionId: 'weighSession',
};
/** The kind an `id` argument names, by the type the operation returns. */
const KIND_OF_TYPE: Record<string, string> = {
  Farm: 'farm',
  Barn: 'barn',
  Device: 'device',
  Batch: 'batch',
  Invoice: 'invoice',
  BillingSubscription: 'subscription',
  EdgeGateway: 'gateway',
  Tenant: 'tenant',
  ApiClient: 'apiClient',
  AlertRule: 'alertRule',
  Alert: 'alert',
  WebhookEndpoint: 'webhookEndpoint',
  WeighSession: 'weighSession',
  PartnerGrant: 'partnerGrant',
};
/** Operations whose `id` the return type does not tell. */
const KIND_OF_OPERATION_ID: Record<string, string> = {
  'Mutation.deleteAlertRule': 'alertRule',
  'Mutation.unsubscribeFromAlerts': 'notificationSubscription',
  'Mutation.deleteWebhookEndpoint': 'webhookEndpoint',
  'Mutation.rotateApiClientSecret': 'apiClient',
  'Mutation.removePasskey': 'passkey',
  'Mutation.deletePartnerWebhook': 'partnerWebhook',
};

/** Any well-typed value of a scalar: the id checks run before a resolver reads it. */
const SCALAR_VALUES: Record<string, unknown> = { Int: 1, Float: 1, String: 'x', Boolean: true, Date: '2026-11-05', DateTime: '2026-11-05T00:00:00Z' };

function kindOf(operation: string, path: string, field: GraphQLField<unknown, unknown>): string {
  const name = path.split('.').at(-1)!;
  const kind = name === 'id' ? (KIND_OF_TYPE[getNamedType(field.type).name] ?? KIND_OF_OPERATION_ID[operation]) : KIND_OF_NAME[name];
  if (!kind) throw new Error(`idWalk: what does ${operation}(${path}) name? Add it to tests/support/idWalk.ts`);
  return kind;
}

/**
 * A value of `type` for the argument at `path`: required fields filled, the optional ones only
 * on the way to `target`; an ID is `idAt(path)`.
 */
function valueOf(type: GraphQLInputType, path: string, target: string, idAt: (path: string) => string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [valueOf(nullable.ofType as GraphQLInputType, path, target, idAt)];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      const fieldPath = `${path}.${field.name}`;
      if (isNonNullType(field.type) || target === fieldPath || target.startsWith(`${fieldPath}.`))
        value[field.name] = valueOf(field.type, fieldPath, target, idAt);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (nullable.name === 'ID') return idAt(path);
  if (!(nullable.name in SCALAR_VALUES)) throw new Error(`idWalk: no sample value for scalar ${nullable.name} at ${path}`);
  return SCALAR_VALUES[nullable.name];
}

/** Every ID argument path of every operation of `schema`, as a probe; `ownIds` gives the caller's id of a kind for the other ID paths. */
export function idProbes(schema: GraphQLSchema, ownId: (kind: string) => string): IdProbe[] {
  return [...idArgumentsOf(schema)].flatMap(([operation, paths]) => {
    const [typeName, fieldName] = operation.split('.') as [string, string];
    const field = (schema.getType(typeName) as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields()[fieldName]!;
    const kinds = new Map(paths.map((path) => [path, kindOf(operation, path, field)]));
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    return paths.map((target) => ({
      operation,
      path: target,
      kind: kinds.get(target)!,
      call: (value: string) => {
        const args = field.args.filter((arg) => isNonNullType(arg.type) || target === arg.name || target.startsWith(`${arg.name}.`));
        const variables = Object.fromEntries(
          args.map((arg) => [arg.name, valueOf(arg.type, arg.name, target, (path) => (path === target ? value : ownId(kinds.get(path)!)))]),
        );
        const declared = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
        const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
        const document = `${typeName === 'Query' ? 'query' : 'mutation'} Walk${declared ? `(${declared})` : ''} { ${fieldName}${passed ? `(${passed})` : ''}${selection} }`;
        return { query: document, variables };
      },
    }));
  });
}
