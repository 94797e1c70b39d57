import os from 'node:os';

/**
 * What every bench hands over besides its table: one machine-readable line, `BENCH_RESULT
 * {json}`, that the smoke run in `npm test` (tests/bench-smoke.test.ts) reads. That is how a
 * bench cannot rot unnoticed: a case that delivered nothing, counted errors, or lost its
 * baseline fails CI, whatever the timings (which are not checked: the machine is shared).
 */
export interface Figure {
  /** The case, as the bench's table names it. */
  case: string;
  /** The headline figure: a rate, a latency, a size. Must be a finite number above 0. */
  value: number;
  unit: string;
  /** The `case` this one is compared with (measured in the same run); absent on a baseline itself. */
  baseline?: string;
  /** Requests or messages that failed in this case; any is a problem. */
  errors?: number;
}

export interface BenchReport {
  bench: string;
  smoke: boolean;
  cpus: number;
  /** 1-minute load average when the report was made: the machine is shared, say how busy it was. */
  loadAverage1m: number;
  figures: Figure[];
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

/** What is wrong with a report: empty means every figure exists, is sane and has its baseline. */
export function reportProblems(report: BenchReport): string[] {
  const problems: string[] = [];
  if (report.figures.length === 0) problems.push('no figures');
  const cases = new Set(report.figures.map((figure) => figure.case));
  if (!report.figures.some((figure) => figure.baseline === undefined)) problems.push('no baseline case');
  for (const figure of report.figures) {
    if (!Number.isFinite(figure.value) || figure.value <= 0)
      problems.push(`${figure.case}: ${figure.value} ${figure.unit} (nothing delivered or not measured)`);
    if (figure.errors) problems.push(`${figure.case}: ${figure.errors} errors`);
    if (figure.baseline !== undefined && !cases.has(figure.baseline)) problems.push(`${figure.case}: its baseline "${figure.baseline}" is missing`);
  }
  return problems;
}

/** Prints the report line; a report with problems sets a failing exit code. */
export function emitReport(bench: string, smoke: boolean, figures: Figure[]): BenchReport {
  const report: BenchReport = { bench, smoke, cpus: os.cpus().length, loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)), figures };
  console.log(`${RESULT_PREFIX}${JSON.stringify(report)}`);
  const problems = reportProblems(report);
  if (problems.length > 0) {
    console.error(`bench ${bench}: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
  return report;
}

/** `--smoke` on the command line: tiny sizes, for CI. */
export const isSmoke = (argv = process.argv): boolean => argv.includes('--smoke');

/** The command line's arguments without `--smoke`. */
export const argsWithoutSmoke = (argv = process.argv): string[] => argv.slice(2).filter((arg) => arg !== '--smoke');
