import type { DeviceKindName } from '../../lib/deviceKinds';

/**
 * Plausible barn readings for demos and load tests, as pure functions of time so a reader can
 * check them: a broiler house that is warmest mid-afternoon, damper at night, with ammonia
 * building up between ventilation cycles, water and feed following the light schedule and birds
 * growing along a Gompertz curve (~60 g at placement, ~2.7 kg at day 42).
 */
export interface SimulatedDevice {
  kind: DeviceKindName;
  /** Spreads devices of one kind apart so their lines do not coincide. */
  index: number;
  /** Day the flock was placed (epoch ms). */
  placedAtMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** 0 at 03:00 (coolest), 1 at 15:00 (warmest). */
const diurnal = (atMs: number) => (1 - Math.cos(2 * Math.PI * (((atMs % DAY_MS) / HOUR_MS - 3) / 24))) / 2;
const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
const noise = (random: () => number, amplitude: number) => (random() * 2 - 1) * amplitude;

/** Live weight (kg) of a broiler at `ageDays`: Gompertz, ~60 g at placement, ~2.7 kg at day 42. */
export function broilerWeightKg(ageDays: number): number {
  const mature = 4.5;
  const rate = 0.05;
  const inflectionDays = 29;
  return mature * Math.exp(-Math.exp(-rate * (ageDays - inflectionDays)));
}

/** One reading of `device` at `atMs`, with names and units as lib/deviceKinds.ts defines. */
export function simulatedMetrics(device: SimulatedDevice, atMs: number, random: () => number = Math.random): Record<string, number> {
  const warm = diurnal(atMs);
  const ageDays = Math.max(0, (atMs - device.placedAtMs) / DAY_MS);
  switch (device.kind) {
    case 'CLIMATE':
      return {
        temperatureC: round(21 + 4 * warm + device.index * 0.3 + noise(random, 0.2), 2),
        relativeHumidityPercent: round(Math.min(100, 72 - 14 * warm + noise(random, 1.5)), 1),
        co2Ppm: Math.round(1_400 - 500 * warm + noise(random, 60)),
        // Builds up for 20 minutes, then the fans flush it.
        ammoniaPpm: round(6 + 8 * (((atMs / 60_000) % 20) / 20) + noise(random, 0.5), 2),
      };
    case 'WATER_METER':
      // Litres per minute for 20,000 birds drinking about 1.8 × their feed, more in the heat.
      return { waterLitres: round(Math.max(0, 20_000 * 0.00012 * (1 + ageDays / 10) * (0.7 + 0.6 * warm) + noise(random, 0.3)), 2) };
    case 'FEED_BIN': {
      // A 12 t bin emptied over four days, then refilled.
      const cycle = (atMs / (4 * DAY_MS) + device.index * 0.25) % 1;
      return { feedKg: round(Math.max(0, 12_000 * (1 - cycle) + noise(random, 15)), 1) };
    }
    case 'SCALE':
      // A bird stepping on the platform: flock average with ±12% spread.
      return { weightKg: round(Math.max(0.03, broilerWeightKg(ageDays) * (1 + noise(random, 0.12))), 3) };
    default:
      return { temperatureC: round(20 + 5 * warm, 2) };
  }
}
