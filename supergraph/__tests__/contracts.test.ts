import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SUBGRAPH_NAMES } from '../../lib/config';
import { API_SCHEMA_PATH, composeSupergraph, SUPERGRAPH_PATH } from '../compose';

const ROOT = path.join(__dirname, '..', '..');

describe('generated contracts', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-contracts-'));
  });
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('the committed supergraph.graphql and api-schema.graphql are what the subgraph schemas compose to (run `npm run compose`)', () => {
    const { supergraphSdl, apiSchemaSdl } = composeSupergraph();
    expect(fs.readFileSync(SUPERGRAPH_PATH, 'utf8')).toBe(supergraphSdl);
    expect(fs.readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(apiSchemaSdl);
  });

  it('composition fails with the conflicting field named when two subgraphs disagree on an entity field', () => {
    const subgraphs = path.join(scratch, 'subgraphs');
    for (const name of SUBGRAPH_NAMES) {
      fs.mkdirSync(path.join(subgraphs, name), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'subgraphs', name, 'schema.graphql'), path.join(subgraphs, name, 'schema.graphql'));
    }
    // kpi says a farm's id is an Int where devices says ID.
    const kpiSchema = path.join(subgraphs, 'kpi', 'schema.graphql');
    fs.writeFileSync(
      kpiSchema,
      fs.readFileSync(kpiSchema, 'utf8').replace('type Farm @key(fields: "id") {\n  id: ID!', 'type Farm @key(fields: "id") {\n  id: Int!'),
    );
    expect(() => composeSupergraph(subgraphs)).toThrow(/composition failed[\s\S]*Farm\.id/);
  });

  it('the committed resolver types and dashboard documents match the schemas (run `npm run codegen`)', () => {
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
      cwd: ROOT,
      env: { ...process.env, CODEGEN_OUTPUT_ROOT: scratch },
      stdio: 'pipe',
    });
    const generated = [
      ...SUBGRAPH_NAMES.map((name) => path.join('subgraphs', name, '__generated__', 'resolvers-types.ts')),
      ...['gql.ts', 'graphql.ts', 'index.ts', 'fragment-masking.ts'].map((name) => path.join('dashboard', 'src', 'gql', name)),
    ];
    for (const file of generated) {
      expect({ file, content: fs.readFileSync(path.join(ROOT, file), 'utf8') }).toEqual({ file, content: fs.readFileSync(path.join(scratch, file), 'utf8') });
    }
  });
});
