import { report, runVisionBench } from '../visionBench';

describe('the vision benchmark in its smoke mode', () => {
  it('should measure speed and weigh the rendered birds better than the barn mean does', async () => {
    const figures = await runVisionBench({ smoke: true });
    for (const value of [figures.framesPerSecond, figures.framesPerSecondOneWorker, figures.latencyP50Ms, figures.latencyP95Ms, figures.cpuMsPerFrame]) expect(value).toBeGreaterThan(0);
    const { evaluation } = figures;
    // Every whole bird of the small set is weighed, nothing else is, and the calibrated weights beat the naive baseline.
    expect(evaluation.weighed).toBe(evaluation.birdsWhole);
    expect(evaluation.falselyWeighed).toBe(0);
    expect(evaluation.keptOut).toBeGreaterThan(0);
    expect(evaluation.mapePercent).toBeLessThan(5);
    expect(evaluation.mapePercent).toBeLessThan(evaluation.baselineMapePercent / 2);
    expect(report(figures)).toHaveLength(5);
  }, 300_000);
});
