import fs from 'node:fs';
import path from 'node:path';
import { API_SCHEMA_PATH } from '../compose';
import { CHANGELOG_PATH, checkRepositorySchema, RELEASED_SCHEMA_PATH } from './schemaCheck';

/**
 * Cuts a release of the public API: the schema check must pass, then the current API schema
 * becomes `supergraph/released/api.graphql` and CHANGELOG.md's Unreleased notes move under
 * `## <version> — <date>` (a new, empty Unreleased section above). Commit both files.
 */
export function releaseChangelog(changelog: string, version: string, day: string): string {
  if (!/^## Unreleased\b/m.test(changelog)) throw new Error('CHANGELOG.md has no "## Unreleased" section');
  return changelog.replace(/^## Unreleased.*$/m, `## Unreleased\n\n## ${version} — ${day}`);
}

async function main(version: string | undefined): Promise<void> {
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error('usage: npm run schema:release -- <version, e.g. 1.4.0>');
  const report = await checkRepositorySchema();
  if (report.problems.length > 0) throw new Error(`not released, the schema check fails:\n${report.problems.join('\n')}`);
  const day = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(CHANGELOG_PATH, releaseChangelog(fs.readFileSync(CHANGELOG_PATH, 'utf8'), version, day));
  fs.copyFileSync(API_SCHEMA_PATH, RELEASED_SCHEMA_PATH);
  console.log(`released ${version}: ${path.relative(process.cwd(), RELEASED_SCHEMA_PATH)} and CHANGELOG.md updated; commit them`);
}

if (require.main === module) {
  main(process.argv[2]).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
