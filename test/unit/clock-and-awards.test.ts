import { expiryOf } from '../../src/learner/achievement';
import { addMonths, fixedClock, isExpired, isIsoDate, nowIso, today } from '../../src/lib/clock';

describe('dates', () => {
  it('reads the time from the clock it is given', () => {
    const clock = fixedClock('2026-03-31T23:59:00Z');
    expect(today(clock)).toBe('2026-03-31');
    expect(nowIso(clock)).toBe('2026-03-31T23:59:00.000Z');
  });

  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2026-11-30', 2, '2027-01-30'],
    ['2024-02-29T10:00:00Z', 12, '2025-03-01'],
  ])('adds months: %s + %i = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2026-03-31', true],
    ['2026-03-31T10:00:00Z', true],
    ['2026-03-31T10:00:00+02:00', true],
    ['2026-02-30', false],
    ['yesterday', false],
    ['31/03/2026', false],
  ])('knows an ISO date: %s -> %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it.each([
    [null, '2099-01-01', false],
    ['2026-03-31', '2026-03-30', false],
    ['2026-03-31', '2026-03-31', true],
    ['2026-03-31T12:00:00Z', '2026-04-01', true],
  ])('an award expiring %s has expired on %s: %s', (expiresAt, day, expired) => {
    expect(isExpired(expiresAt, day)).toBe(expired);
  });
});

describe('expiryOf', () => {
  it.each([
    ['the given expiry wins', '2026-01-01', '2027-06-01', 12, '2027-06-01'],
    ['validity months apply without one', '2026-01-01', null, 12, '2027-01-01'],
    ['no validity, no expiry', '2026-01-01', null, null, null],
  ])('%s', (_name, issued, given, validity, expected) => {
    expect(expiryOf(issued, given, validity)).toBe(expected);
  });

  it('refuses an expiry before the issue date', () => {
    expect(() => expiryOf('2026-05-01', '2026-04-30', null)).toThrow(/before issuedAt/);
  });
});
