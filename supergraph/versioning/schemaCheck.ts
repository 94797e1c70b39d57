import fs from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { API_SCHEMA_PATH } from '../compose';

/**
 * Change safety for the public API. `supergraph/released/api.graphql` is the API schema of the
 * last release (cut by `npm run schema:release -- <version>`, versioning/release.ts);
 * `supergraph/api-schema.graphql` is the schema now. graphql-inspector lists what changed; a
 * breaking change (a field, argument, type or enum value removed, a type narrowed, ...) passes
 * only when CHANGELOG.md's `## Unreleased` section lists its coordinate in backticks with the
 * date its deprecation was released (`deprecated YYYY-MM-DD`), at least DEPRECATION_DAYS ago:
 * partners were warned, and had the period to move.
 */

export const RELEASED_SCHEMA_PATH = path.join(__dirname, '..', 'released', 'api.graphql');
export const CHANGELOG_PATH = path.join(__dirname, '..', '..', 'CHANGELOG.md');
/** How long a deprecated field keeps working before it may be removed. */
export const DEPRECATION_DAYS = 90;
const DAY_MS = 86_400_000;

export interface SchemaCheckReport {
  breaking: Change[];
  /** One sentence per breaking change the changelog does not allow: empty means the check passes. */
  problems: string[];
  nonBreaking: Change[];
}

/** The `## Unreleased` section of the changelog (up to the next `## ` heading). */
export function unreleasedSection(changelog: string): string {
  const start = changelog.search(/^## Unreleased\b.*$/m);
  if (start < 0) return '';
  const rest = changelog.slice(start).replace(/^## Unreleased.*\n?/, '');
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Coordinate → the day its deprecation was released, from the Unreleased section's lines. */
export function announcedRemovals(changelog: string): Map<string, Date> {
  const announced = new Map<string, Date>();
  for (const line of unreleasedSection(changelog).split('\n')) {
    const date = /deprecated (\d{4}-\d{2}-\d{2})/.exec(line)?.[1];
    if (!date) continue;
    for (const match of line.matchAll(/`([A-Za-z_][\w.]*)`/g)) announced.set(match[1]!, new Date(`${date}T00:00:00Z`));
  }
  return announced;
}

export async function checkSchemaChange(releasedSdl: string, currentSdl: string, changelog: string, today: Date = new Date()): Promise<SchemaCheckReport> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const announced = announcedRemovals(changelog);
  const problems: string[] = [];
  for (const change of breaking) {
    const coordinate = change.path ?? '';
    const deprecatedOn = announced.get(coordinate);
    if (!deprecatedOn) {
      problems.push(
        `${change.message} (\`${coordinate}\`): breaking, and not announced in CHANGELOG.md's "## Unreleased" section as \`${coordinate}\` with "deprecated YYYY-MM-DD"`,
      );
      continue;
    }
    const days = Math.floor((today.getTime() - deprecatedOn.getTime()) / DAY_MS);
    if (days < DEPRECATION_DAYS)
      problems.push(
        `${change.message} (\`${coordinate}\`): deprecated ${days} days ago; a breaking change needs ${DEPRECATION_DAYS} days of deprecation first`,
      );
  }
  return { breaking, problems, nonBreaking: changes.filter((change) => change.criticality.level !== CriticalityLevel.Breaking) };
}

/** The check on the repository's files: the committed API schema against the last release. */
export async function checkRepositorySchema(today: Date = new Date()): Promise<SchemaCheckReport> {
  return checkSchemaChange(
    fs.readFileSync(RELEASED_SCHEMA_PATH, 'utf8'),
    fs.readFileSync(API_SCHEMA_PATH, 'utf8'),
    fs.readFileSync(CHANGELOG_PATH, 'utf8'),
    today,
  );
}

if (require.main === module) {
  checkRepositorySchema().then(
    (report) => {
      for (const change of report.nonBreaking) console.log(`  ${change.criticality.level.toLowerCase()}: ${change.message}`);
      for (const change of report.breaking) console.log(`  breaking: ${change.message}`);
      if (report.problems.length > 0) {
        console.error(`schema check failed:\n${report.problems.map((problem) => `- ${problem}`).join('\n')}`);
        process.exit(1);
      }
      console.log(`schema check passed: ${report.nonBreaking.length} safe and ${report.breaking.length} announced breaking changes since the last release`);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
