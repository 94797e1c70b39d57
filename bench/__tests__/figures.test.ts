import { reportProblems, type BenchReport, type Figure } from '../figures';

const report = (figures: Figure[]): BenchReport => ({ bench: 'example', smoke: true, cpus: 2, loadAverage1m: 1, figures });
const baseline: Figure = { case: 'COPY (baseline)', value: 40_000, unit: 'rows/s' };

describe('reportProblems', () => {
  it('should accept figures that exist, are above zero and name a baseline of the same run', () => {
    expect(reportProblems(report([baseline, { case: 'ingest', value: 20_000, unit: 'msg/s', baseline: baseline.case, errors: 0 }]))).toEqual([]);
  });

  it('should name a case that delivered nothing, counted errors, or lost its baseline', () => {
    expect(
      reportProblems(
        report([
          baseline,
          { case: 'live', value: 0, unit: 'frames/s', baseline: baseline.case },
          { case: 'gateway', value: 300, unit: 'req/s', baseline: baseline.case, errors: 3 },
          { case: 'latency', value: Number.NaN, unit: 'ms', baseline: 'bare (gone)' },
        ]),
      ),
    ).toEqual([
      'live: 0 frames/s (nothing delivered or not measured)',
      'gateway: 3 errors',
      'latency: NaN ms (nothing delivered or not measured)',
      'latency: its baseline "bare (gone)" is missing',
    ]);
  });

  it('should refuse a report without figures or without any baseline', () => {
    expect(reportProblems(report([]))).toEqual(['no figures', 'no baseline case']);
    expect(reportProblems(report([{ case: 'alone', value: 1, unit: 'ms', baseline: 'alone' }]))).toEqual(['no baseline case']);
  });
});
