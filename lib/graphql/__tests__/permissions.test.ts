import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow } from 'graphql-shield';
import type { Principal } from '../../auth/principal';
import { subgraphShield } from '../permissions';
import { isAuthenticated } from '../rules';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Farm @key(fields: "id") { id: ID! name: String! }
  type Query { farm: Farm  newField: String }
`);
const resolvers = { Query: { farm: () => ({ id: 'f1', name: 'North' }), newField: () => 'secret' } };
const admin: Principal = {
  subject: 'u1',
  kind: 'user',
  tenantId: 't1',
  roles: ['TENANT_ADMIN'],
  scopes: [],
  tokenId: 'j1',
  issuedAt: new Date(),
  expiresAt: new Date(Date.now() + 60_000),
};

async function run(query: string, principal: Principal | null) {
  const schema = applyMiddleware(buildSubgraphSchema({ typeDefs, resolvers }), subgraphShield({ Query: { farm: isAuthenticated }, Farm: allow }));
  return execute({ schema, document: parse(query), contextValue: { principal } });
}

describe('subgraph permissions', () => {
  it('refuse a field that was added without a rule, even to an authenticated admin', async () => {
    const result = await run('{ newField }', admin);
    expect(result.data).toEqual({ newField: null });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it('apply the rule a field has', async () => {
    expect((await run('{ farm { name } }', admin)).data).toEqual({ farm: { name: 'North' } });
    expect((await run('{ farm { name } }', null)).errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('still answer the federation fields the gateway needs', async () => {
    const result = await run('{ _service { sdl } }', null);
    expect(result.errors).toBeUndefined();
    expect((result.data as { _service: { sdl: string } })._service.sdl).toContain('type Farm');
  });

  it('leave the fields whose rule is allow unwrapped and guard every other one', () => {
    const schema = buildSubgraphSchema({ typeDefs, resolvers });
    const guarded = subgraphShield({ Query: { farm: isAuthenticated }, Farm: allow }).generate(schema) as Record<string, Record<string, unknown>>;
    expect(Object.keys(guarded.Farm!)).toEqual([]);
    expect(Object.keys(guarded.Query!)).toEqual(expect.arrayContaining(['farm', 'newField']));
    expect(Object.keys(guarded.Query!)).not.toContain('_service');
  });

  it('guard every field of a type whose rule map holds something that is no rule, as the shield does', async () => {
    // Not a rule to the shield, though it has a resolve method: the map is then no field map, and the fallback (deny) guards the type.
    const lookalike = { resolve: async () => true };
    const shield = subgraphShield({ Query: { farm: allow }, Farm: { id: allow, name: allow, notes: lookalike } });
    const schema = applyMiddleware(buildSubgraphSchema({ typeDefs, resolvers }), shield);
    const result = await execute({ schema, document: parse('{ farm { name } }'), contextValue: { principal: admin } });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(result.data).toEqual({ farm: null });
  });
});
