import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSystem, type RunningSystem } from '../../bin/system';
import { generatePrivateJwk } from '../../lib/auth/keyRing';
import { generateSecretBoxKey } from '../../lib/crypto/secretBox';
import { loadConfig } from '../../lib/config';
import type { DatabaseLocation } from '../../lib/db/database';
import { createLogger, type Logger } from '../../lib/logger';
import type { SubgraphModule } from '../../lib/process/module';
import { FREE_PORTS } from './farmiqProcess';
import { createPostgresDatabase, type Backend } from './postgres';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

/** The platform admin every test system starts with (a test-only password, never a default). */
export const TEST_ADMIN = { email: 'platform-admin@farmiq.test', password: 'test-only admin password 7f3a' };

/** The stable code of a response's first error, or undefined when there is none. */
export const errorCode = (result: GraphQLResponse<unknown>): string | undefined => result.errors?.[0]?.extensions?.code;

export interface TestSystem {
  system: RunningSystem;
  gatewayUrl: string;
  /** The PostgreSQL database's URL (undefined on PGlite). */
  databaseUrl: string | undefined;
  /** FARMIQ_DATA_DIR of the system (the ingestor's disk buffer is in it). */
  dataDir: string;
  /** The same as `graphql`, sent with `Authorization: Bearer <accessToken>`. */
  as(accessToken: string): TestSystem['graphql'];
  /** POSTs a GraphQL operation to the gateway as a non-browser client would. */
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

/**
 * The whole system in this process (five subgraphs, gateway, ingestor with its embedded broker)
 * on a database of the test file's own: an in-memory PGlite or a fresh PostgreSQL database.
 */
export async function startTestSystem(
  backend: Backend,
  env: Record<string, string> = {},
  log?: Logger,
  modules?: readonly SubgraphModule[],
): Promise<TestSystem> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-test-'));
  // Production refuses generated keys: hand it a key as an operator would.
  // Its internal metrics port is a free one, so production systems of parallel test files never collide.
  const keys =
    env.NODE_ENV === 'production'
      ? { FARMIQ_JWT_PRIVATE_JWKS: JSON.stringify({ keys: [await generatePrivateJwk()] }), FARMIQ_SECRETS_KEY: generateSecretBoxKey(), METRICS_PORT: '0' }
      : {};
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    FARMIQ_DATA_DIR: dataDir,
    FARMIQ_ADMIN_EMAIL: TEST_ADMIN.email,
    FARMIQ_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...FREE_PORTS,
    ...keys,
    ...env,
  });
  // env.DATABASE_URL: an existing database the caller owns (a restored backup); not dropped at stop.
  const postgres = backend === 'postgres' && !env.DATABASE_URL ? await createPostgresDatabase() : undefined;
  const databaseUrl = env.DATABASE_URL ?? postgres?.url;
  const database: DatabaseLocation = backend === 'postgres' ? { kind: 'postgres', url: databaseUrl! } : { kind: 'pglite', dir: 'memory' };
  const system = await startSystem('all', config, log ?? createLogger(config.logLevel), { database, ...(modules ? { modules } : {}) });
  const gatewayUrl = `http://127.0.0.1:${system.ports.gateway}/graphql`;
  const graphql: TestSystem['graphql'] = async (query, variables = {}, headers = {}) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<any>;
  };
  return {
    system,
    gatewayUrl,
    databaseUrl,
    dataDir,
    graphql,
    as: (accessToken) => (query, variables, headers) => graphql(query, variables, { authorization: `Bearer ${accessToken}`, ...headers }),
    async stop() {
      await system.stop();
      await postgres?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
