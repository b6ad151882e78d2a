// Weights as Sendcloud writes them: `{ value, unit }` with the value a number (orders) or a
// decimal string (shipments, quotes), in kg, g, lbs or oz.

const KG_PER_UNIT: Record<string, number> = {
  kg: 1,
  g: 0.001,
  lbs: 0.45359237,
  oz: 0.028349523,
};

/** The weight in kilograms, or null for a missing weight, an unknown unit or a non-number. */
export function kilograms(
  weight: { value: string | number; unit: string } | null | undefined,
): number | null {
  if (!weight) return null;
  const factor = KG_PER_UNIT[weight.unit];
  const value = Number(weight.value);
  return factor !== undefined && Number.isFinite(value) ? value * factor : null;
}
