import fs from 'node:fs';
import path from 'node:path';
import { allow } from 'graphql-shield';
import gql from 'graphql-tag';
import ts from 'typescript';
import { subgraphShield } from '../lib/graphql/permissions';
import type { SubgraphModule } from '../lib/process/module';
import { MODULES } from '../subgraphs/modules';
import { startTestSystem, type TestSystem } from './support/testSystem';

const ROOT = path.resolve(__dirname, '..');

/**
 * A sixth subgraph, as small as one can be: a schema, a route the gateway passes through and a
 * worker. Plugging it in is one more entry in the module list, nothing else.
 */
function fixtureModule(ticks: { count: number; stopped: boolean }): SubgraphModule {
  return {
    name: 'fixture',
    defaultPort: 0,
    env: [],
    routes: [{ method: 'POST', path: '/fixture/v1/echo', passThrough: { headers: ['fixture-signature'], limit: '1kb' } }],
    workers: [
      {
        name: 'ticker',
        start() {
          const timer = setInterval(() => (ticks.count += 1), 20);
          return {
            async stop() {
              clearInterval(timer);
              ticks.stopped = true;
            },
          };
        },
      },
    ],
    events: { publishes: [], consumes: [] },
    async plugIn() {
      return {
        definition: {
          name: 'fixture',
          typeDefs: gql`
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
            type Query {
              fixtureAnswer: Int
            }
            type Fixture @key(fields: "id") {
              id: ID!
            }
          `,
          resolvers: { Query: { fixtureAnswer: () => 42 } },
          permissions: subgraphShield({ Query: { fixtureAnswer: allow } }),
          idArguments: {},
        },
        mount: (app) =>
          app.post('/fixture/v1/echo', (req, res) => {
            res.status(202).json({ signature: req.header('fixture-signature') ?? null });
          }),
      };
    },
  };
}

describe('the subgraph modules plugged into one process', () => {
  const ticks = { count: 0, stopped: false };
  const modules = [...MODULES, fixtureModule(ticks)];
  let system: TestSystem;
  let stopped = false;

  beforeAll(async () => {
    system = await startTestSystem('pglite', {}, undefined, modules);
  }, 120_000);
  afterAll(async () => {
    if (!stopped) await system?.stop();
  });

  const routes = modules.flatMap((module) => module.routes.map((route) => ({ module: module.name, ...route })));

  it.each(routes)('$module serves its declared route $method $path on its own port', async ({ module, method, path: route }) => {
    const response = await fetch(`http://127.0.0.1:${system.system.ports[module]}${route}`, {
      method,
      ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
    });
    // Unsigned calls are refused by the route itself (401/400), never by the catch-all 404.
    expect(response.status).not.toBe(404);
    expect(response.headers.get('content-type')).toMatch(/json/);
  });

  it.each(routes.filter((route) => route.passThrough))('the gateway passes $module $path through, headers and all', async ({ module, path: route }) => {
    const send = (port: number) =>
      fetch(`http://127.0.0.1:${port}${route}`, {
        method: 'POST',
        body: '{}',
        headers: { 'content-type': 'application/json', 'fixture-signature': 't=1,v1=00' },
      });
    const direct = await send(system.system.ports[module]!);
    const passed = await send(system.system.ports.gateway!);
    expect(passed.status).toBe(direct.status);
    expect(await passed.json()).toEqual(await direct.json());
  });

  it('serves the fixture subgraph on a port of its own', async () => {
    const response = await fetch(`http://127.0.0.1:${system.system.ports.fixture}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ fixtureAnswer }' }),
    });
    expect(await response.json()).toEqual({ data: { fixtureAnswer: 42 } });
  });

  it('starts every declared worker with the process and stops each with it', async () => {
    const declared = modules.flatMap((module) => module.workers.map((worker) => `${module.name}/${worker.name}`));
    expect(declared).toEqual(expect.arrayContaining(['telemetry/alert-evaluator', 'kpi/scale-weigh-in', 'billing/usage-meter', 'fixture/ticker']));
    expect([...system.system.workers.keys()].sort()).toEqual([...declared].sort());
    for (const name of declared) expect(system.system.workers.get(name)).toBe('running');
    const before = ticks.count;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ticks.count).toBeGreaterThan(before);

    await system.stop();
    stopped = true;
    for (const name of declared) expect(system.system.workers.get(name)).toBe('stopped');
    expect(ticks.stopped).toBe(true);
    const after = ticks.count;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ticks.count).toBe(after);
  });
});

/** The files `file` loads at run time (type-only imports load nothing), resolved inside the repo; packages as `npm:<name>`. */
function runtimeImports(file: string, followRequire = true): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const named = node.importClause?.namedBindings;
      const onlyTypes =
        node.importClause &&
        !node.importClause.name &&
        named &&
        ts.isNamedImports(named) &&
        named.elements.length > 0 &&
        named.elements.every((element) => element.isTypeOnly);
      if (!onlyTypes) specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      followRequire &&
      ts.isCallExpression(node) &&
      node.arguments.length === 1 &&
      ts.isStringLiteral(node.arguments[0]!) &&
      (node.expression.getText() === 'require' || node.expression.kind === ts.SyntaxKind.ImportKeyword)
    ) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers.map((specifier) => {
    if (!specifier.startsWith('.')) return `npm:${specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]}`;
    const base = path.resolve(path.dirname(file), specifier.replace(/\.js$/, ''));
    const candidates = [`${base}.ts`, path.join(base, 'index.ts'), base];
    const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    if (!found) throw new Error(`${path.relative(ROOT, file)}: cannot resolve ${specifier}`);
    return found;
  });
}

/** Every file (and package) `entry` loads, transitively; without `followRequire`, only what loads at once (not a lazy `require`). */
function closure(entry: string, followRequire = true): Set<string> {
  const seen = new Set<string>();
  const queue = [path.resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith('npm:') && file.endsWith('.ts')) queue.push(...runtimeImports(file, followRequire));
  }
  return seen;
}

const relative = (file: string) => (file.startsWith('npm:') ? file : path.relative(ROOT, file));

describe('the import graph', () => {
  it('bin/ reaches subgraphs only through the module list', () => {
    const offending = fs
      .readdirSync(path.join(ROOT, 'bin'))
      .filter((name) => name.endsWith('.ts'))
      .flatMap((name) => runtimeImports(path.join(ROOT, 'bin', name)).map((target) => ({ from: `bin/${name}`, to: relative(target) })))
      .filter(({ to }) => to.startsWith('subgraphs/') && to !== 'subgraphs/modules.ts');
    expect(offending).toEqual([]);
  });

  it('bin/edge.ts loads no subgraph, no gateway, no Prisma and no Apollo', () => {
    const loaded = [...closure('bin/edge.ts')].map(relative);
    expect(loaded).toContain('edge-ingestor/ingestor.ts');
    expect(loaded.filter((file) => /^(subgraphs|supergraph)\/|^npm:(@apollo|@prisma|graphql|prisma)$|^lib\/db\/generated\//.test(file))).toEqual([]);
  });

  it('the gateway loads no subgraph code', () => {
    expect([...closure('supergraph/gateway.ts')].map(relative).filter((file) => file.startsWith('subgraphs/'))).toEqual([]);
  });

  it('reading the module list loads declarations only: no subgraph server, no Apollo (the gateway and broker-files read it)', () => {
    const loaded = [...closure('subgraphs/modules.ts', false)].map(relative);
    expect(loaded).toEqual(expect.arrayContaining(MODULES.map((module) => `subgraphs/${module.name}/module.ts`)));
    expect(loaded.filter((file) => /\/server\.ts$|^npm:@apollo|^npm:graphql$/.test(file))).toEqual([]);
  });

  it('no other subgraph loads devices code: they read topology from a read model of their own (lib/topology), the one exception being edge gateway keys', () => {
    const subgraphOf = (file: string) => /^subgraphs\/([^/]+)\//.exec(file)?.[1];
    const files = (dir: string): string[] =>
      fs
        .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
        .flatMap((entry) =>
          entry.isDirectory()
            ? ['__tests__', '__generated__'].includes(entry.name)
              ? []
              : files(`${dir}/${entry.name}`)
            : entry.name.endsWith('.ts')
              ? [`${dir}/${entry.name}`]
              : [],
        );
    const crossing = MODULES.flatMap((module) => files(`subgraphs/${module.name}`))
      .flatMap((from) => runtimeImports(path.join(ROOT, from)).map((target) => ({ from, to: relative(target) })))
      .filter(({ from, to }) => subgraphOf(to) === 'devices' && subgraphOf(from) !== 'devices');
    // Why these stay calls (the edge link's two verifiers): README "Topology: devices publishes, the others keep read models".
    expect(crossing).toEqual([
      { from: 'subgraphs/telemetry/ingest/endpoint.ts', to: 'subgraphs/devices/edgeGateways/edgeGateways.ts' },
      { from: 'subgraphs/kpi/weighSessions/scaleSessionEndpoint.ts', to: 'subgraphs/devices/edgeGateways/edgeGateways.ts' },
    ]);
  });

  it('the checker sees a subgraph import where there is one', () => {
    // The walk above must not pass for want of looking: bin/system.ts does reach every subgraph, via the list.
    expect([...closure('bin/system.ts')].map(relative)).toEqual(expect.arrayContaining(MODULES.map((module) => `subgraphs/${module.name}/module.ts`)));
  });
});
