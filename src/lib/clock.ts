/** Where the registry reads the time: the system clock in production, a fixed one in tests. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at `iso`, for tests and replays. */
export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/** The current time as an ISO-8601 UTC string: how the graph stores timestamps. */
export function nowIso(clock: Clock = systemClock): string {
  return clock.now().toISOString();
}

/** Today's date as YYYY-MM-DD (UTC): achievements expire at the start of their expiry date. */
export function today(clock: Clock = systemClock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** Adds whole months to a YYYY-MM-DD date (the time part, if any, is dropped). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether `value` is an ISO-8601 date or date-time that names a real day (no 30 February). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) return false;
  const day = value.slice(0, 10);
  return new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/** Whether an award with this expiry has expired on `day` (YYYY-MM-DD); null never expires. */
export function isExpired(expiresAt: string | null, day: string): boolean {
  return expiresAt !== null && expiresAt.slice(0, 10) <= day;
}
