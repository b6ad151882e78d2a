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

/** "3 minutes", "45 seconds", "1 hour, 5 minutes": a span of time, rounded to what matters. */
export function duration(language: string, ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(
      value,
    );
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const parts = [unit(Math.floor(minutes / 60), 'hour')];
  if (minutes % 60 > 0) parts.push(unit(minutes % 60, 'minute'));
  return new Intl.ListFormat(language, { style: 'narrow', type: 'unit' }).format(parts);
}
