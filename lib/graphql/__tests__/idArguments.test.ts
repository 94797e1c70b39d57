import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { Principal } from '../../auth/principal';
import { idArgumentMiddleware, ofCallerTenant, unscoped, type IdArgumentChecks } from '../idArguments';

const FARM_OF_T1 = '11111111-1111-4111-8111-111111111111';
const BARN_OF_FARM = '22222222-2222-4222-8222-222222222222';
const OTHER_BARN_OF_T1 = '33333333-3333-4333-8333-333333333333';
const FARM_OF_T2 = '44444444-4444-4444-8444-444444444444';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  input PlaceInput { farmId: ID!, barnId: ID, name: String! }
  input EventInput { farmId: ID! }
  type Query { farm(id: ID!): String, events(events: [EventInput!]!): Int, hello: String }
  type Mutation { place(input: PlaceInput!): String, login(tenantId: ID): String }
`);

/** Rows as the tables would hold them: tenant t1 owns one farm with one barn and another barn elsewhere. */
const farms = [
  { id: FARM_OF_T1, tenantId: 't1' },
  { id: FARM_OF_T2, tenantId: 't2' },
];
const barns = [
  { id: BARN_OF_FARM, tenantId: 't1', farmId: FARM_OF_T1 },
  { id: OTHER_BARN_OF_T1, tenantId: 't1', farmId: 'elsewhere' },
];
const farm = ofCallerTenant(
  'Farm',
  async (_db, tenantId, ids) => new Set(farms.filter((row) => row.tenantId === tenantId && ids.includes(row.id)).map((row) => row.id)),
);
const barnOfInputFarm = ofCallerTenant('Barn', async (_db, tenantId, ids, args) => {
  const farmId = (args.input as { farmId: string }).farmId;
  return new Set(barns.filter((row) => row.tenantId === tenantId && row.farmId === farmId && ids.includes(row.id)).map((row) => row.id));
});
const checks: IdArgumentChecks = {
  'Query.farm': { id: farm },
  'Query.events': { 'events.farmId': farm },
  'Mutation.place': { 'input.farmId': farm, 'input.barnId': barnOfInputFarm },
  'Mutation.login': { tenantId: unscoped('checked by the login itself') },
};

const caller: Principal = {
  subject: 'u1',
  kind: 'user',
  tenantId: 't1',
  roles: ['TENANT_ADMIN'],
  scopes: [],
  tokenId: 'j1',
  issuedAt: new Date(),
  expiresAt: new Date(Date.now() + 60_000),
};

async function run(query: string, variables: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const resolvers = {
    Query: { farm: () => calls.push('farm') && 'North', events: () => calls.push('events'), hello: () => 'hi' },
    Mutation: { place: () => calls.push('place') && 'placed', login: () => calls.push('login') && 'in' },
  };
  const base = buildSubgraphSchema({ typeDefs, resolvers });
  const schema = applyMiddleware(base, idArgumentMiddleware('test', base, checks));
  const result = await execute({ schema, document: parse(query), variableValues: variables, contextValue: { principal: caller } });
  return { code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message, data: result.data, calls };
}

const PLACE = 'mutation ($f: ID!, $b: ID) { place(input: { farmId: $f, barnId: $b, name: "x" }) }';

describe('id arguments', () => {
  it('should run the resolver when every id is the caller tenant’s and the barn is in the farm given', async () => {
    expect(await run(PLACE, { f: FARM_OF_T1, b: BARN_OF_FARM })).toMatchObject({ code: undefined, data: { place: 'placed' }, calls: ['place'] });
    expect(await run(PLACE, { f: FARM_OF_T1.toUpperCase() })).toMatchObject({ code: undefined, calls: ['place'] });
  });

  it('should answer NOT_FOUND, the same for another tenant’s id and an unknown one, without running the resolver', async () => {
    for (const id of [FARM_OF_T2, '55555555-5555-4555-8555-555555555555']) {
      expect(await run(PLACE, { f: id })).toMatchObject({ code: 'NOT_FOUND', message: 'Farm not found', calls: [] });
      expect(await run('query ($id: ID!) { farm(id: $id) }', { id })).toMatchObject({ code: 'NOT_FOUND', calls: [] });
    }
  });

  it('should answer NOT_FOUND for the tenant’s barn of another farm than the one given', async () => {
    expect(await run(PLACE, { f: FARM_OF_T1, b: OTHER_BARN_OF_T1 })).toMatchObject({ code: 'NOT_FOUND', message: 'Barn not found', calls: [] });
  });

  it('should check every element of a list, and refuse the call when one is not the caller’s', async () => {
    const events = 'query ($e: [EventInput!]!) { events(events: $e) }';
    expect(await run(events, { e: [{ farmId: FARM_OF_T1 }, { farmId: FARM_OF_T1 }] })).toMatchObject({ code: undefined, calls: ['events'] });
    expect(await run(events, { e: [{ farmId: FARM_OF_T1 }, { farmId: FARM_OF_T2 }] })).toMatchObject({ code: 'NOT_FOUND', calls: [] });
  });

  it('should answer BAD_USER_INPUT for a malformed id, naming where it was', async () => {
    expect(await run(PLACE, { f: 'not-an-id' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'input.farmId: expected an id (UUID), got "not-an-id"',
      calls: [],
    });
  });

  it('should leave an unscoped id to its resolver', async () => {
    expect(await run('mutation { login(tenantId: "anything") }')).toMatchObject({ code: undefined, calls: ['login'] });
  });

  it('should refuse to build a schema with an ID argument nobody declared, or a declaration without its argument', () => {
    const base = buildSubgraphSchema({ typeDefs, resolvers: {} });
    const { 'Query.events': _events, ...withoutEvents } = checks;
    expect(() => idArgumentMiddleware('test', base, withoutEvents)).toThrow('test: Query.events takes an ID at events.farmId with no check');
    expect(() => idArgumentMiddleware('test', base, { ...checks, 'Query.hello': { id: farm } })).toThrow('Query.hello(id)');
  });
});
