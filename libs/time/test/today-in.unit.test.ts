import { dateIn, earliestToday, isTimeZone, todayIn } from '../src';

const at = (iso: string) => () => new Date(iso);

describe('today in a time zone', () => {
  test('05:30 UTC on Dec 1 is still Nov 30 in Chicago (CST, UTC−6: 23:30)', () => {
    expect(todayIn(at('2026-12-01T05:30:00Z'), 'America/Chicago')).toBe('2026-11-30');
  });

  test('06:00 UTC on Dec 1 is midnight in Chicago: Dec 1', () => {
    expect(todayIn(at('2026-12-01T06:00:00Z'), 'America/Chicago')).toBe('2026-12-01');
  });

  test('in summer Chicago is UTC−5 (CDT): 04:59 UTC is the day before, 05:00 the day itself', () => {
    expect(dateIn(new Date('2026-07-01T04:59:00Z'), 'America/Chicago')).toBe('2026-06-30');
    expect(dateIn(new Date('2026-07-01T05:00:00Z'), 'America/Chicago')).toBe('2026-07-01');
  });

  test('east of UTC the day starts earlier: 23:30 UTC on Nov 30 is Dec 1 in Nairobi (UTC+3)', () => {
    expect(todayIn(at('2026-11-30T23:30:00Z'), 'Africa/Nairobi')).toBe('2026-12-01');
  });

  test('UTC is the UTC date', () => {
    expect(todayIn(at('2026-12-01T00:00:00Z'), 'UTC')).toBe('2026-12-01');
  });

  test('the earliest today on Earth is UTC−12: 11:59 UTC is the day before, 12:00 the day', () => {
    expect(earliestToday(at('2026-12-01T11:59:00Z'))).toBe('2026-11-30');
    expect(earliestToday(at('2026-12-01T12:00:00Z'))).toBe('2026-12-01');
  });
});

describe('time zone names', () => {
  test.each(['America/Chicago', 'America/Argentina/Buenos_Aires', 'UTC', 'Africa/Nairobi'])(
    '%s is a time zone',
    (name) => expect(isTimeZone(name)).toBe(true),
  );

  test.each(['Mars/Base', '+05:00', 'CST', '', 'america/chicago ', 'UTC+3', 'America/Chicago\n'])(
    '%j is refused',
    (name) => expect(isTimeZone(name)).toBe(false),
  );
});
