import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a process's CPU time went, from V8 CPU profiles (`--cpu-prof`; benches write them with
 * FARMIQ_CPU_PROFILE_DIR=<dir>): self time by package (a node_modules package, this repo's
 * top-level folder, or Node's internals), and the heaviest functions. A flame graph shows the
 * same in a browser (Chrome DevTools → Performance → load the .cpuprofile); this is the text.
 * Usage: tsx bench/cpuProfileSummary.ts <file.cpuprofile>... [--top 25]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const ROOT = path.join(__dirname, '..');

/** The package a script belongs to: `pkg` or `@scope/pkg` under node_modules, or this repo's folder. */
export function packageOf(url: string): string {
  if (!url) return '(native, GC, idle)';
  if (url.startsWith('node:')) return 'node (internals)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const file = url.replace(/^file:\/\//, '');
  if (file.startsWith(ROOT)) return `farmiq ${path.relative(ROOT, file).split(path.sep).slice(0, 2).join('/')}`;
  return file;
}

export function summarize(profile: CpuProfile): { totalMs: number; byPackage: Map<string, number>; byFunction: Map<string, number> } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    totalMs += ms;
    const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const fn = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''} [${pkg}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  return { totalMs, byPackage, byFunction };
}

function main(): void {
  const args = process.argv.slice(2);
  const topIndex = args.indexOf('--top');
  const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;
  for (const file of args) {
    const { totalMs, byPackage, byFunction } = summarize(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile);
    console.log(`\n${path.basename(file)}: ${totalMs.toFixed(0)} ms on CPU (idle excluded)`);
    const rows = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
    console.log('  self time by package:');
    for (const [name, ms] of rows(byPackage)) console.log(`    ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
    console.log('  heaviest functions (self time):');
    for (const [name, ms] of rows(byFunction)) console.log(`    ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  }
}

if (require.main === module) main();
