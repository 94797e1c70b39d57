import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '../lib/config';

export const SUPERGRAPH_PATH = path.join(__dirname, 'supergraph.graphql');
const SUBGRAPHS_DIR = path.join(__dirname, '..', 'subgraphs');

/** Where each subgraph listens by default; a running gateway maps names to configured URLs. */
export const subgraphUrlOnLoopback = (port: number): string => `http://127.0.0.1:${port}/graphql`;

/** Composes the five subgraph schemas into the supergraph SDL, or throws with every composition error. */
export function composeSupergraph(subgraphsDir: string = SUBGRAPHS_DIR): string {
  const services = SUBGRAPH_NAMES.map((name) => ({
    name,
    url: subgraphUrlOnLoopback(DEFAULT_SUBGRAPH_PORTS[name]),
    typeDefs: parse(fs.readFileSync(path.join(subgraphsDir, name, 'schema.graphql'), 'utf8')),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

if (require.main === module) {
  try {
    fs.writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
    console.log(`wrote ${path.relative(process.cwd(), SUPERGRAPH_PATH)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
