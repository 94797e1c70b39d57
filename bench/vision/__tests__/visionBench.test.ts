import { report, runVisionBench } from '../visionBench';

describe('the vision benchmark in its smoke mode', () => {
  it('should measure speed and weigh the rendered birds better than the barn mean does', async () => {
    const figures = await runVisionBench({ smoke: true });
    for (const speed of [figures.luma, figures.jpegJs]) for (const value of Object.values(speed)) expect(value).toBeGreaterThan(0);
    const { evaluation } = figures;
    // Every whole bird of the small set is weighed, nothing else is, and the calibrated weights beat the naive baseline.
    expect(evaluation.weighed).toBe(evaluation.birdsWhole);
    expect(evaluation.falselyWeighed).toBe(0);
    expect(evaluation.keptOut).toBeGreaterThan(0);
    expect(evaluation.mapePercent).toBeLessThan(5);
    // The luminance-only decoder weighs exactly as jpeg-js did.
    expect(evaluation.mapePercentJpegJs).toBe(evaluation.mapePercent);
    expect(evaluation.mapePercent).toBeLessThan(evaluation.baselineMapePercent / 2);
    expect(report(figures)).toHaveLength(6);
  }, 300_000);
});
