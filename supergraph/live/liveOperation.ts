import {
  GraphQLError,
  Kind,
  getOperationAST,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import { badInput } from '../../lib/errors';
import type { AnyLiveField } from './liveField';

/** The variable the rewritten query takes the events in; a subscription may not use the name. */
export const EVENTS_VARIABLE = 'farmiqLiveEvents';

/** A validated subscription operation, ready to be served. */
export interface LiveOperation {
  field: AnyLiveField;
  /** The root field's coerced arguments. */
  args: Record<string, unknown>;
  /** The alias or field name the client reads each event under. */
  responseKey: string;
  /** The selection below the root field as a query on the field's resolver, printed. */
  query: string;
  /** Only the variables that query uses (so subscribers to different barns share it). */
  variables: Record<string, unknown>;
}

/**
 * Turns `subscription ($b: ID) { r: readingAdded(barnId: $b) { value device { name } } }` into
 * `query ($farmiqLiveEvents: [ReadingEventInput!]!) { readingEvents(events: $farmiqLiveEvents)
 * { value device { name } } }` plus the fragments it uses: the gateway plans that like any query,
 * so every field of the selection resolves in whichever subgraph owns it. The document must
 * already be valid against `schema`.
 */
export function liveOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
  fields: ReadonlyMap<string, AnyLiveField>,
): LiveOperation {
  const operation = getOperationAST(document, operationName);
  if (!operation) throw badInput('Name the operation to run (operationName): the document has several or none');
  if (operation.operation !== 'subscription') {
    throw badInput(`Only subscriptions are served over WebSocket; send ${operation.operation === 'query' ? 'queries' : 'mutations'} as HTTP POST to /graphql`);
  }
  const [root] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || root?.kind !== Kind.FIELD) {
    throw badInput('Select the subscription field itself at the root (no fragments there)');
  }
  const field = fields.get(root.name.value);
  const fieldDef = schema.getSubscriptionType()?.getFields()[root.name.value];
  if (!field || !fieldDef) throw badInput(`Subscription.${root.name.value} is not served`);
  if (operation.variableDefinitions?.some((definition) => definition.variable.name.value === EVENTS_VARIABLE)) {
    throw badInput(`$${EVENTS_VARIABLE} is reserved; name the variable otherwise`);
  }

  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) throw coerced.errors[0]!;
  const args = getArgumentValues(fieldDef, root, coerced.coerced);

  const fragments = usedFragments(document, root.selectionSet!);
  const used = usedVariables([root.selectionSet!, ...fragments]);
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as OperationDefinitionNode['operation'],
        ...(operation.name ? { name: operation.name } : {}),
        variableDefinitions: [
          {
            kind: Kind.VARIABLE_DEFINITION,
            variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENTS_VARIABLE } },
            type: listOfNonNull(field.resolver.inputType),
          },
          ...(operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value)),
        ],
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              name: { kind: Kind.NAME, value: field.resolver.field },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: field.resolver.argument },
                  value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENTS_VARIABLE } },
                },
              ],
              selectionSet: root.selectionSet,
            } as FieldNode,
          ],
        },
      } as OperationDefinitionNode,
      ...fragments,
    ],
  };
  const variables = Object.fromEntries(Object.entries(rawVariables ?? {}).filter(([name]) => used.has(name)));
  return { field, args, responseKey: root.alias?.value ?? root.name.value, query: print(query), variables };
}

function listOfNonNull(typeName: string) {
  return {
    kind: Kind.NON_NULL_TYPE,
    type: { kind: Kind.LIST_TYPE, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: typeName } } } },
  } as const;
}

/** The fragment definitions `selection` spreads, directly or through other fragments. */
function usedFragments(document: DocumentNode, selection: SelectionSetNode): FragmentDefinitionNode[] {
  const all = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const found = new Map<string, FragmentDefinitionNode>();
  const walk = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const definition = all.get(name);
        if (definition && !found.has(name)) {
          found.set(name, definition);
          walk(definition);
        }
      },
    });
  walk(selection);
  return [...found.values()];
}

function usedVariables(nodes: Array<SelectionSetNode | FragmentDefinitionNode>): Set<string> {
  const names = new Set<string>();
  for (const node of nodes) visit(node, { Variable: (variable) => void names.add(variable.name.value) });
  return names;
}

export const isGraphQLError = (error: unknown): error is GraphQLError => error instanceof GraphQLError;
