/** Weights are stored as integer grams so that sums and KPIs never drift; the API speaks kilograms. */
export const kilogramsToGrams = (weightKg: number): number => Math.round(weightKg * 1000);

export const gramsToKilograms = (weightGrams: number): number => weightGrams / 1000;
