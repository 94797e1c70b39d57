import { isScalarType, type GraphQLSchema } from 'graphql';
import { DateScalar, DateTimeScalar } from '../lib/graphql/scalars';

/** The custom scalars the subgraphs define, by name: the one definition both sides parse with. */
const SCALARS = [DateTimeScalar, DateScalar];

/**
 * The composed supergraph knows its custom scalars by name only and would pass any value on, so
 * an impossible `DateTime` reached a subgraph, whose 400 the gateway could only report as a
 * fault. Giving the gateway's schema the subgraphs' own parsers refuses it at the gateway instead:
 * a literal in validation (400 GRAPHQL_VALIDATION_FAILED), a variable in coercion (400
 * BAD_USER_INPUT), before any subgraph is called.
 */
export function adoptSubgraphScalars(schema: GraphQLSchema): void {
  for (const scalar of SCALARS) {
    const type = schema.getType(scalar.name);
    if (!isScalarType(type)) continue;
    type.parseValue = scalar.parseValue;
    type.parseLiteral = scalar.parseLiteral;
  }
}
