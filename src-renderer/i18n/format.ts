// Dates, times, numbers, weights and money in the current language, with Intl.

const valid = (iso: string | null): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** "14:03:27", or a dash for a missing or broken time. */
export function clockTime(language: string, iso: string | null): string {
  const date = valid(iso);
  return date ? date.toLocaleTimeString(language) : '–';
}

/** "21 Nov, 14:03". */
export function dateTime(language: string, iso: string | null): string {
  const date = valid(iso);
  if (!date) return '–';
  return date.toLocaleString(language, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function number(language: string, value: number): string {
  return new Intl.NumberFormat(language).format(value);
}

/** "1,25 kg" — weights are kept in grams. */
export function weight(language: string, grams: number): string {
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: grams >= 1000 ? 'kilogram' : 'gram',
    maximumFractionDigits: 2,
  }).format(grams >= 1000 ? grams / 1000 : grams);
}

export function money(language: string, amount: number, currency: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
}
