/** Numbers for people and for axes. Pure: no page needed, so unit tests run them in Node. */

/** A number for people: at most `digits` decimals, grouped thousands. */
export function num(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en', { maximumFractionDigits: digits });
}

/** A share 0..1 as a whole percentage. */
export function percent(share: number | null | undefined): string {
  if (share === null || share === undefined) return '–';
  return `${Math.round(share * 100)}%`;
}

/** A price with its currency (or currencies, when a total mixes them). */
export function money(amount: number | null | undefined, currencies: readonly string[]): string {
  if (amount === null || amount === undefined) return 'unknown';
  const currency =
    currencies.length === 1
      ? ` ${currencies[0]}`
      : currencies.length > 1
        ? ` (${currencies.join(' + ')})`
        : '';
  return `${num(amount, 2)}${currency}`;
}

/** About five round ticks from 0 to at least `max`. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((m) => m >= rough) ?? rough;
  const out: number[] = [];
  for (let t = 0; t < max + step / 2; t += step) out.push(Number(t.toPrecision(12)));
  const last = out[out.length - 1] ?? 0;
  if (last < max) out.push(last + step);
  return out;
}
