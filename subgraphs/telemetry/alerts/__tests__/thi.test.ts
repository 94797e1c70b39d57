import { HEAT_STRESS_THI, temperatureHumidityIndex } from '../thi';

describe('temperatureHumidityIndex (NRC 1971)', () => {
  it('should give 81.38 at 30 °C and 70 % RH', () => {
    // 1.8·30 + 32 = 86; 0.55 − 0.0055·70 = 0.165; 1.8·30 − 26 = 28; 0.165·28 = 4.62; 86 − 4.62 = 81.38
    expect(temperatureHumidityIndex(30, 70)).toBeCloseTo(81.38, 10);
  });

  it('should give 71.775 at 25 °C and 50 % RH, below the pig threshold', () => {
    // 1.8·25 + 32 = 77; 0.55 − 0.275 = 0.275; 45 − 26 = 19; 0.275·19 = 5.225; 77 − 5.225 = 71.775
    expect(temperatureHumidityIndex(25, 50)).toBeCloseTo(71.775, 10);
    expect(temperatureHumidityIndex(25, 50)).toBeLessThan(HEAT_STRESS_THI.PIG);
  });

  it('should give 77.032 at 28 °C and 60 % RH, above the pig threshold', () => {
    // 1.8·28 + 32 = 82.4; 0.55 − 0.33 = 0.22; 50.4 − 26 = 24.4; 0.22·24.4 = 5.368; 82.4 − 5.368 = 77.032
    expect(temperatureHumidityIndex(28, 60)).toBeCloseTo(77.032, 10);
    expect(temperatureHumidityIndex(28, 60)).toBeGreaterThanOrEqual(HEAT_STRESS_THI.PIG);
  });

  it('should equal the temperature in °F at saturation (100 % RH)', () => {
    // 0.55 − 0.0055·100 = 0, so THI = 1.8·20 + 32 = 68
    expect(temperatureHumidityIndex(20, 100)).toBeCloseTo(68, 10);
  });
});
