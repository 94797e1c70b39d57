import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The partner documentation site, served by the gateway at `/docs` in every mode.
 *
 * SpectaQL (a kept generator, not ours) renders the public API schema
 * (supergraph/api-schema.graphql: every type, operation, description and generated example)
 * into one static page; our getting-started guide (docs/getting-started.md) and CHANGELOG.md go
 * in front of the reference as its introduction. The guide's examples are files in
 * docs/examples/ that tests/partner-docs.test.ts runs against a live system, so the page shows
 * exactly what the test ran. The build writes a stamp of its inputs; the test fails when the
 * stamp and the inputs differ (run `npm run docs:build`).
 */

const ROOT = path.join(__dirname, '..');
export const DOCS_DIST = path.join(__dirname, 'dist');
export const EXAMPLES_DIR = path.join(__dirname, 'examples');
const GUIDE_PATH = path.join(__dirname, 'getting-started.md');
const CHANGELOG_PATH = path.join(ROOT, 'CHANGELOG.md');
const API_SCHEMA_PATH = path.join(ROOT, 'supergraph', 'api-schema.graphql');
const STAMP_NAME = 'inputs.sha256';
/** The host the examples name; partners replace it with theirs. */
export const EXAMPLE_HOST = 'https://farmiq.example';

export interface Example {
  name: string;
  /** The document as the page shows it (comments included). */
  document: string;
  variables: Record<string, unknown> | undefined;
}

/** An example of docs/examples/: `<name>.graphql` and, when it takes variables, `<name>.variables.json`. */
export function readExample(name: string): Example {
  const document = fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.graphql`), 'utf8');
  const variablesPath = path.join(EXAMPLES_DIR, `${name}.variables.json`);
  const variables = fs.existsSync(variablesPath) ? (JSON.parse(fs.readFileSync(variablesPath, 'utf8')) as Record<string, unknown>) : undefined;
  return { name, document, variables };
}

/** The document as it goes over the wire: its comment lines dropped. */
export const documentText = (example: Example): string =>
  example.document
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .trim();

/** A curl command sending the example, as a partner would type it. */
function curlOf(example: Example): string {
  const body = JSON.stringify({ query: documentText(example), ...(example.variables ? { variables: example.variables } : {}) });
  const needsToken = !/^\s*#\s*No token needed/m.test(example.document);
  return [
    `curl -s ${EXAMPLE_HOST}/graphql \\`,
    `  -H 'content-type: application/json' \\`,
    ...(needsToken ? [`  -H "authorization: Bearer $FARMIQ_TOKEN" \\`] : []),
    `  -d '${body.replaceAll("'", "'\\''")}'`,
  ].join('\n');
}

function exampleMarkdown(example: Example): string {
  const parts = ['```graphql', example.document.trim(), '```'];
  if (example.variables) parts.push('', 'Variables:', '', '```json', JSON.stringify(example.variables, null, 2), '```');
  parts.push('', 'With curl:', '', '```shell', curlOf(example), '```');
  return parts.join('\n');
}

/** A whole request body of docs/examples/ (`<name>.request.json`): one the guide shows without a document. */
export function readRequest(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, `${name}.request.json`), 'utf8')) as Record<string, unknown>;
}

function requestMarkdown(name: string): string {
  const body = JSON.stringify(readRequest(name));
  const curl = [
    `curl -s ${EXAMPLE_HOST}/graphql \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H "authorization: Bearer $FARMIQ_TOKEN" \\`,
    `  -d '${body}'`,
  ];
  return ['```shell', ...curl, '```'].join('\n');
}

/** The guide with its `{{example name}}`, `{{request name}}` and `{{changelog}}` markers filled in. */
export function guideMarkdown(): string {
  const changelog = fs.readFileSync(CHANGELOG_PATH, 'utf8').replace(/^# .*\n/, '');
  return fs
    .readFileSync(GUIDE_PATH, 'utf8')
    .replace(/\{\{example ([a-z0-9-]+)\}\}/g, (_marker, name: string) => exampleMarkdown(readExample(name)))
    .replace(/\{\{request ([a-z0-9-]+)\}\}/g, (_marker, name: string) => requestMarkdown(name))
    .replace('{{changelog}}', () => changelog.replace(/^## /gm, '### '));
}

/** The guide's `## ` sections, each an introduction item of the page (its own anchor in the navigation). */
export function guideSections(markdown: string): Array<{ title: string; description: string }> {
  return markdown
    .split(/^## /m)
    .filter((part) => part.trim().length > 0)
    .map((part) => {
      const newline = part.indexOf('\n');
      return { title: part.slice(0, newline).trim(), description: part.slice(newline + 1).trim() };
    });
}

/** A hash of everything the site is made of: a different hash means the site is stale. */
export function inputsHash(): string {
  const hash = createHash('sha256');
  const spectaqlVersion = (JSON.parse(fs.readFileSync(require.resolve('spectaql/package.json'), 'utf8')) as { version: string }).version;
  const files = [
    __filename,
    GUIDE_PATH,
    CHANGELOG_PATH,
    API_SCHEMA_PATH,
    ...fs
      .readdirSync(EXAMPLES_DIR)
      .sort()
      .map((name) => path.join(EXAMPLES_DIR, name)),
  ];
  hash.update(`spectaql ${spectaqlVersion}\n`);
  for (const file of files) hash.update(`${path.relative(ROOT, file)}\n`).update(fs.readFileSync(file));
  return hash.digest('hex');
}

/** The stamp the last build wrote, or undefined when there is no build. */
export function builtInputsHash(dist: string = DOCS_DIST): string | undefined {
  const stamp = path.join(dist, STAMP_NAME);
  return fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : undefined;
}

/** Renders the site into `dist` with SpectaQL (its CLI, as documented) and stamps it. */
export function buildDocs(dist: string = DOCS_DIST): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-docs-'));
  try {
    const target = path.join(work, 'site');
    const config = {
      spectaql: { targetDir: target },
      introspection: {
        schemaFile: API_SCHEMA_PATH,
        removeTrailingPeriodFromDescriptions: false,
        fieldExpansionDepth: 2,
      },
      extensions: { graphqlScalarExamples: true },
      info: {
        title: 'FarmIQ partner API',
        description: 'The public GraphQL API of FarmIQ: a getting-started guide, then every operation and type.',
        // SpectaQL substitutes `$NAME` in its configuration from the environment; `\$` is a dollar.
        'x-introItems': guideSections(guideMarkdown()).map((item) => ({ title: item.title, description: item.description.replaceAll('$', '\\$') })),
      },
      servers: [
        {
          url: `${EXAMPLE_HOST}/graphql`,
          description: 'Your FarmIQ host',
          production: true,
          headers: [{ name: 'Authorization', example: 'Bearer <accessToken from issueClientToken>' }],
        },
      ],
    };
    // JSON is YAML: SpectaQL reads its configuration as YAML.
    const configPath = path.join(work, 'config.yml');
    fs.writeFileSync(configPath, JSON.stringify(config));
    execFileSync(process.execPath, [require.resolve('spectaql/bin/spectaql.js'), configPath], { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
    fs.writeFileSync(path.join(target, STAMP_NAME), `${inputsHash()}\n`);
    fs.rmSync(dist, { recursive: true, force: true });
    fs.cpSync(target, dist, { recursive: true });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  buildDocs();
  console.log(`wrote ${path.relative(process.cwd(), DOCS_DIST)}`);
}
