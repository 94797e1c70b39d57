import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '../lib/config';

export const SUPERGRAPH_PATH = path.join(__dirname, 'supergraph.graphql');
/** The public API schema (what clients see: no federation directives), for partners and the dashboard's codegen. */
export const API_SCHEMA_PATH = path.join(__dirname, 'api-schema.graphql');
const SUBGRAPHS_DIR = path.join(__dirname, '..', 'subgraphs');

/** Where each subgraph listens by default; a running gateway maps names to configured URLs. */
export const subgraphUrlOnLoopback = (port: number): string => `http://127.0.0.1:${port}/graphql`;

export interface Composition {
  supergraphSdl: string;
  apiSchemaSdl: string;
}

/** Composes the five subgraph schemas into the supergraph, or throws with every composition error. */
export function composeSupergraph(subgraphsDir: string = SUBGRAPHS_DIR): Composition {
  const services = SUBGRAPH_NAMES.map((name) => ({
    name,
    url: subgraphUrlOnLoopback(DEFAULT_SUBGRAPH_PORTS[name]),
    typeDefs: parse(fs.readFileSync(path.join(subgraphsDir, name, 'schema.graphql'), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
  };
}

if (require.main === module) {
  try {
    const { supergraphSdl, apiSchemaSdl } = composeSupergraph();
    fs.writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
    fs.writeFileSync(API_SCHEMA_PATH, apiSchemaSdl);
    console.log(`wrote ${path.relative(process.cwd(), SUPERGRAPH_PATH)} and ${path.relative(process.cwd(), API_SCHEMA_PATH)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
