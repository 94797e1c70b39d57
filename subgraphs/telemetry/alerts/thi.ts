/**
 * Temperature-humidity index (NRC 1971, "A guide to environmental research on animals",
 * National Academy of Sciences, Washington DC), with T in °C and RH in %:
 *
 *   THI = (1.8·T + 32) − (0.55 − 0.0055·RH)·(1.8·T − 26)
 *
 * The result is on the Fahrenheit-like scale the livestock literature uses (70 to 90).
 */
export function temperatureHumidityIndex(temperatureC: number, relativeHumidityPercent: number): number {
  const fahrenheit = 1.8 * temperatureC + 32;
  return fahrenheit - (0.55 - 0.0055 * relativeHumidityPercent) * (1.8 * temperatureC - 26);
}

export type Species = 'PIG' | 'BROILER';

/**
 * THI at and above which a barn's animals are heat-stressed.
 * - Pigs: 75. The Livestock Weather Safety Index (Livestock Conservation Institute, 1970; used
 *   with the NRC THI, see Nienaber & Hahn 2007, Int J Biometeorol 51:149–157) puts the "alert"
 *   class at THI 75–78; studies on growing-finishing pigs report reduced feed intake and growth
 *   from THI ≈ 74–75 on.
 * - Broilers: 75 as well, the same LWSI "alert" class. Poultry-specific indices exist (Tao & Xin
 *   2003, Trans ASAE 46(2):491–497: THVI = (0.85·Tdb + 0.15·Twb)·V^−0.058, with normal / alert /
 *   danger / emergency classes), but they need wet-bulb temperature and air speed, which our
 *   climate sensors do not report; on the NRC scale we found no broiler-specific published cut-off
 *   we could verify, so broilers use the general livestock one. Change it here when one is agreed.
 */
export const HEAT_STRESS_THI: Record<Species, number> = { PIG: 75, BROILER: 75 };

/** An active heat-stress alert clears once THI is this far below the species' threshold. */
export const HEAT_STRESS_CLEAR_MARGIN = 2;
