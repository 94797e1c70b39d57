import { ApolloServer } from '@apollo/server';
import { buildSchema, parse } from 'graphql';
import { createLogger } from '../../../lib/logger';
import { metricsRegistry } from '../../../lib/metrics';
import { deprecatedCoordinates, deprecatedUsagePlugin } from '../deprecatedUsage';

const TYPE_DEFS = `
  enum Species { PIG BROILER LAYER @deprecated(reason: "Use BROILER.") }
  type Farm {
    name: String!
    code: String @deprecated(reason: "Use name.")
    barns(species: Species, kind: String @deprecated(reason: "Use species.")): [String!]!
  }
  type Query { farm: Farm! }
`;
const resolvers = { Query: { farm: () => ({ name: 'North', code: 'N-1', barns: ['House 1'] }) } };

async function usageCount(coordinate: string, caller: string): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((entry) => entry.name === 'farmiq_deprecated_usage_total');
  return (
    (metric?.values as Array<{ value: number; labels: Record<string, string> }> | undefined)?.find(
      (value) => value.labels.coordinate === coordinate && value.labels.caller === caller,
    )?.value ?? 0
  );
}

describe('deprecated API usage', () => {
  const server = new ApolloServer<{ caller: string }>({
    typeDefs: TYPE_DEFS,
    resolvers,
    plugins: [deprecatedUsagePlugin<{ caller: string }>(createLogger('silent'), (context) => context.caller)],
  });
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('keeps answering a deprecated field and counts each request that used it by coordinate and caller', async () => {
    const before = await usageCount('Farm.code', 'client');
    const response = await server.executeOperation({ query: '{ farm { name code } }' }, { contextValue: { caller: 'client' } });
    expect(response.body.kind === 'single' && response.body.singleResult).toMatchObject({ data: { farm: { name: 'North', code: 'N-1' } } });
    await server.executeOperation({ query: '{ farm { code } }' }, { contextValue: { caller: 'client' } });
    expect(await usageCount('Farm.code', 'client')).toBe(before + 2);
  });

  it('counts nothing for a request without deprecated parts', async () => {
    const before = await usageCount('Farm.code', 'user');
    await server.executeOperation({ query: '{ farm { name barns(species: PIG) } }' }, { contextValue: { caller: 'user' } });
    expect(await usageCount('Farm.code', 'user')).toBe(before);
  });

  it('finds deprecated arguments and enum values too, each coordinate once', () => {
    const schema = buildSchema(TYPE_DEFS);
    const document = parse('{ farm { code a: code barns(species: LAYER, kind: "x") } }');
    expect(deprecatedCoordinates(schema, document)).toEqual(['Farm.barns(kind:)', 'Farm.code', 'Species.LAYER']);
  });
});
