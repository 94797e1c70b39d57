import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * deploy/monitoring as Prometheus and Grafana load it: the rules pass `promtool check rules`, their
 * unit tests (hand-worked series and the alerts they must and must not raise) pass `promtool test
 * rules`, and every FarmIQ metric the rules and the dashboard query is one the code exports.
 */
const MONITORING = path.join(__dirname, '..', 'monitoring');
const ROOT = path.join(__dirname, '..', '..');
const promtool = (...args: string[]) => execFileSync('promtool', args, { cwd: MONITORING, encoding: 'utf8', stdio: 'pipe' });

/** Every metric name the code registers with prom-client (`name: 'farmiq_…'`). */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', '__tests__', 'generated', '__generated__', 'dashboard'].includes(entry.name)) continue;
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) for (const match of fs.readFileSync(file, 'utf8').matchAll(/name: '(farmiq_[a-z_]+)'/g)) names.add(match[1]!);
    }
  };
  for (const dir of ['lib', 'edge-ingestor', 'supergraph', 'subgraphs']) walk(path.join(ROOT, dir));
  return names;
}

const queriedMetrics = (text: string) => new Set([...text.matchAll(/\b(farmiq_[a-z_]+)/g)].map((match) => match[1]!.replace(/_(bucket|count|sum)$/, '')));

describe('deploy/monitoring', () => {
  const rules = fs.readFileSync(path.join(MONITORING, 'farmiq-rules.yaml'), 'utf8');
  const dashboard = fs.readFileSync(path.join(MONITORING, 'grafana-dashboard.json'), 'utf8');

  it('passes promtool check rules', () => {
    expect(promtool('check', 'rules', 'farmiq-rules.yaml')).toMatch(/SUCCESS: \d+ rules found/);
  });

  it('passes its promtool unit tests', () => {
    expect(promtool('test', 'rules', 'farmiq-rules.test.yaml')).toMatch(/SUCCESS/);
  });

  it('fails promtool test rules when an alert does not fire as its test says (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'farmiq-rules-'));
    try {
      fs.writeFileSync(path.join(dir, 'farmiq-rules.yaml'), rules.replace('> 0.02', '> 0.2'));
      fs.copyFileSync(path.join(MONITORING, 'farmiq-rules.test.yaml'), path.join(dir, 'farmiq-rules.test.yaml'));
      expect(() => execFileSync('promtool', ['test', 'rules', 'farmiq-rules.test.yaml'], { cwd: dir, stdio: 'pipe' })).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('queries only metrics the code exports', () => {
    const exported = exportedMetrics();
    expect(exported.size).toBeGreaterThan(10);
    for (const metric of new Set([...queriedMetrics(rules), ...queriedMetrics(dashboard)]))
      expect({ metric, exported: exported.has(metric) }).toEqual({ metric, exported: true });
  });

  it('links every alert to its section of deploy/README.md', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'deploy', 'README.md'), 'utf8');
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((match) =>
        match[1]!
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const groups = (parse(rules) as { groups: Array<{ rules: Array<{ alert: string; annotations: { runbook: string } }> }> }).groups;
    for (const rule of groups.flatMap((group) => group.rules)) {
      const anchor = rule.annotations.runbook.split('#')[1]!;
      expect({ alert: rule.alert, anchor, documented: anchors.has(anchor) }).toEqual({ alert: rule.alert, anchor, documented: true });
    }
  });

  it('is a Grafana dashboard with a panel per query', () => {
    const parsed = JSON.parse(dashboard) as { uid: string; panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    expect(parsed.uid).toBe('farmiq-overview');
    for (const panel of parsed.panels) expect(panel.targets.length).toBeGreaterThan(0);
  });
});
