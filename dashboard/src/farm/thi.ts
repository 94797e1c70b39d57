/**
 * Temperature-humidity index, the NRC (1971) formula the API's heat-stress built-in uses:
 * THI = (1.8·T + 32) − (0.55 − 0.0055·RH)·(1.8·T − 26), T in °C, RH in %.
 */
export function temperatureHumidityIndex(temperatureC: number, relativeHumidityPercent: number): number {
  return 1.8 * temperatureC + 32 - (0.55 - 0.0055 * relativeHumidityPercent) * (1.8 * temperatureC - 26);
}

export type ThiBand = 'comfort' | 'alert' | 'danger' | 'emergency';
export type SpeciesName = 'PIG' | 'BROILER';

/**
 * Lower bounds of the alert, danger and emergency bands per species. Alert starts at 75, where the
 * API's HEAT_STRESS_THI built-in raises; danger and emergency follow the Livestock Weather Safety
 * Index steps (79, 84) used for pigs and poultry alike.
 */
export const THI_BANDS: Record<SpeciesName, { alert: number; danger: number; emergency: number }> = {
  PIG: { alert: 75, danger: 79, emergency: 84 },
  BROILER: { alert: 75, danger: 79, emergency: 84 },
};

export function thiBand(thi: number, species: SpeciesName): ThiBand {
  const bands = THI_BANDS[species];
  if (thi >= bands.emergency) return 'emergency';
  if (thi >= bands.danger) return 'danger';
  if (thi >= bands.alert) return 'alert';
  return 'comfort';
}
