import fs from 'node:fs';
import { API_SCHEMA_PATH } from '../compose';
import { releaseChangelog } from '../versioning/release';
import { checkRepositorySchema, checkSchemaChange } from '../versioning/schemaCheck';

const CURRENT = fs.readFileSync(API_SCHEMA_PATH, 'utf8');
const TODAY = new Date('2026-11-30T12:00:00Z');
/** The Farm type's time zone line as the composed schema prints it. */
const TIME_ZONE_FIELD = /\n {2}timeZone: String!\n/;

const changelogWith = (unreleased: string) => `# Changelog\n\n## Unreleased\n\n${unreleased}\n\n## 0.1.0 — 2026-06-01\n\nFirst release.\n`;
/** The current schema with `Farm.timeZone` removed (the first `timeZone: String!` field is Farm's). */
function withoutFarmTimeZone(): string {
  const farm = CURRENT.indexOf('type Farm {');
  const field = CURRENT.slice(farm).search(TIME_ZONE_FIELD);
  expect(farm).toBeGreaterThan(0);
  expect(field).toBeGreaterThan(0);
  return CURRENT.slice(0, farm + field) + '\n' + CURRENT.slice(farm + field).replace(TIME_ZONE_FIELD, '\n');
}

describe('the public API schema check', () => {
  it('passes the committed schema against the last released one (the CI gate)', async () => {
    const report = await checkRepositorySchema();
    expect(report.problems).toEqual([]);
  });

  it('fails on a removed field the changelog does not announce, naming the field', async () => {
    const report = await checkSchemaChange(CURRENT, withoutFarmTimeZone(), changelogWith(''), TODAY);
    expect(report.breaking.map((change) => change.path)).toEqual(['Farm.timeZone']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toContain('`Farm.timeZone`');
  });

  it('passes on an added field', async () => {
    const added = CURRENT.replace('type Farm {', 'type Farm {\n  """Area in square metres."""\n  areaSquareMetres: Int\n');
    const report = await checkSchemaChange(CURRENT, added, changelogWith(''), TODAY);
    expect(report.problems).toEqual([]);
    expect(report.nonBreaking.map((change) => change.path)).toContain('Farm.areaSquareMetres');
  });

  it('passes a removal announced with a deprecation released at least 90 days before', async () => {
    // 2026-08-31 to 2026-11-30: to 30 Sep is 30 days, to 31 Oct 31 more, to 30 Nov 30 more: 91 days.
    const changelog = changelogWith('### Breaking\n\n- Removed `Farm.timeZone`: use `Farm.zone` (deprecated 2026-08-31).');
    expect((await checkSchemaChange(CURRENT, withoutFarmTimeZone(), changelog, TODAY)).problems).toEqual([]);
  });

  it('fails a removal whose deprecation is younger than 90 days', async () => {
    // 2026-10-01 to 2026-11-30: to 31 Oct is 30 days, to 30 Nov 30 more: 60 days.
    const changelog = changelogWith('### Breaking\n\n- Removed `Farm.timeZone` (deprecated 2026-10-01).');
    const report = await checkSchemaChange(CURRENT, withoutFarmTimeZone(), changelog, TODAY);
    expect(report.problems).toEqual([expect.stringContaining('deprecated 60 days ago')]);
  });

  it('ignores an announcement in an already released section', async () => {
    const changelog = '# Changelog\n\n## Unreleased\n\n## 0.2.0 — 2026-01-01\n\n- Removed `Farm.timeZone` (deprecated 2025-01-01).\n';
    expect((await checkSchemaChange(CURRENT, withoutFarmTimeZone(), changelog, TODAY)).problems).toHaveLength(1);
  });

  it('cuts a release by moving the Unreleased notes under the version', () => {
    const released = releaseChangelog(changelogWith('- Added `Farm.areaSquareMetres`.'), '0.2.0', '2026-12-01');
    expect(released).toContain('## Unreleased\n\n## 0.2.0 — 2026-12-01\n\n- Added `Farm.areaSquareMetres`.');
  });
});
