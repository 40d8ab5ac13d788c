import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  fatigueAllows,
  isDeliverable,
  monthKey,
  nextDeliveryTime,
  parseHHMM,
  reminderTimes,
  type PersonSchedule,
  type TenantQuietHours,
} from './delivery-window.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5];
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const EVENING_QUIET: TenantQuietHours = { quietHoursStart: '19:00', quietHoursEnd: '08:00' };
// Equal bounds mean "no quiet hours", so these tests see working hours alone.
const NO_QUIET: TenantQuietHours = { quietHoursStart: '00:00', quietHoursEnd: '00:00' };

const officeWorker = (timeZone: string, overrides: Partial<PersonSchedule> = {}): PersonSchedule => ({
  timeZone,
  workingHoursStart: '09:00',
  workingHoursEnd: '17:00',
  workingDays: MONDAY_TO_FRIDAY,
  ...overrides,
});

const utc = (iso: string): Date => new Date(iso);
/** A wall-clock time in a zone, e.g. local('2025-06-09T09:00', 'Europe/Berlin'). */
const local = (iso: string, timeZone: string): Date => DateTime.fromISO(iso, { zone: timeZone }).toJSDate();
const wallClock = (instant: Date, timeZone: string): string =>
  DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('ccc yyyy-MM-dd HH:mm');

// 2 June 2025 is a Monday; every concrete case below lives in that week unless it is about DST.
describe('parseHHMM', () => {
  it('turns a 24-hour HH:MM into minutes after midnight', () => {
    expect(parseHHMM('09:30')).toBe(570);
    expect(parseHHMM('00:00')).toBe(0);
    expect(parseHHMM('23:59')).toBe(1439);
  });

  it.each(['24:00', '9:30', '09:60', '', '09:30:00', ' 09:30', 'ab:cd', '0930'])('rejects %j with a clear message', (bad) => {
    expect(() => parseHHMM(bad)).toThrow(/Invalid time .*expected 24-hour "HH:MM"/);
  });
});

describe('nextDeliveryTime', () => {
  it('gives Tokyo and New York different times for the same instant, each inside their own 09:00–17:00', () => {
    const asked = utc('2025-06-02T12:00:00Z'); // Mon 21:00 in Tokyo, Mon 08:00 in New York
    const until = utc('2025-06-09T00:00:00Z');
    const tokyo = nextDeliveryTime(officeWorker('Asia/Tokyo'), EVENING_QUIET, asked, until);
    const newYork = nextDeliveryTime(officeWorker('America/New_York'), EVENING_QUIET, asked, until);

    expect(tokyo).toEqual(utc('2025-06-03T00:00:00Z'));
    expect(newYork).toEqual(utc('2025-06-02T13:00:00Z'));
    expect(wallClock(tokyo!, 'Asia/Tokyo')).toBe('Tue 2025-06-03 09:00');
    expect(wallClock(newYork!, 'America/New_York')).toBe('Mon 2025-06-02 09:00');
  });

  it('returns `from` itself, to the millisecond, when it is already deliverable', () => {
    const from = utc('2025-06-02T08:15:42.123Z'); // Mon 10:15:42 in Berlin
    expect(nextDeliveryTime(officeWorker('Europe/Berlin'), EVENING_QUIET, from, utc('2025-06-03T00:00:00Z'))).toEqual(from);
  });

  it('moves Friday 18:00 to Monday 09:00, skipping the weekend', () => {
    const berlin = officeWorker('Europe/Berlin');
    const until = local('2025-06-20T00:00', 'Europe/Berlin');
    expect(nextDeliveryTime(berlin, EVENING_QUIET, local('2025-06-06T18:00', 'Europe/Berlin'), until)).toEqual(
      local('2025-06-09T09:00', 'Europe/Berlin'),
    );
    expect(nextDeliveryTime(berlin, EVENING_QUIET, local('2025-06-07T11:00', 'Europe/Berlin'), until)).toEqual(
      local('2025-06-09T09:00', 'Europe/Berlin'),
    );
  });

  it('honours a Sunday–Thursday week', () => {
    const riyadh = officeWorker('Asia/Riyadh', { workingDays: [7, 1, 2, 3, 4] });
    const thursdayEvening = local('2025-06-05T18:00', 'Asia/Riyadh');
    expect(nextDeliveryTime(riyadh, EVENING_QUIET, thursdayEvening, utc('2025-06-20T00:00:00Z'))).toEqual(
      local('2025-06-08T09:00', 'Asia/Riyadh'),
    );
  });

  it('uses only 08:00–19:00 when working hours 07:00–20:00 overlap quiet hours 19:00–08:00', () => {
    const earlyBird = officeWorker('Europe/Berlin', { workingHoursStart: '07:00', workingHoursEnd: '20:00' });
    const until = local('2025-06-06T00:00', 'Europe/Berlin');
    const at = (time: string): Date => local(`2025-06-02T${time}`, 'Europe/Berlin');

    expect(nextDeliveryTime(earlyBird, EVENING_QUIET, at('06:00'), until)).toEqual(at('08:00'));
    expect(nextDeliveryTime(earlyBird, EVENING_QUIET, at('07:30'), until)).toEqual(at('08:00'));
    expect(nextDeliveryTime(earlyBird, EVENING_QUIET, at('18:59'), until)).toEqual(at('18:59'));
    expect(nextDeliveryTime(earlyBird, EVENING_QUIET, at('19:00'), until)).toEqual(local('2025-06-03T08:00', 'Europe/Berlin'));
    expect(isDeliverable(earlyBird, EVENING_QUIET, at('07:59'))).toBe(false);
    expect(isDeliverable(earlyBird, EVENING_QUIET, at('08:00'))).toBe(true);
    expect(isDeliverable(earlyBird, EVENING_QUIET, at('19:00'))).toBe(false);
  });

  describe('a night-shift worker (22:00–06:00, shifts starting Mon–Fri; quiet hours 01:00–05:00)', () => {
    const nightShift = officeWorker('Europe/Berlin', { workingHoursStart: '22:00', workingHoursEnd: '06:00' });
    const smallHoursQuiet: TenantQuietHours = { quietHoursStart: '01:00', quietHoursEnd: '05:00' };
    const at = (iso: string): Date => local(iso, 'Europe/Berlin');
    const until = at('2025-06-20T00:00');

    it('treats the hours after midnight as part of the shift that started the evening before', () => {
      // Monday 00:30 belongs to Sunday's (non-)shift; the first shift starts Monday 22:00.
      expect(nextDeliveryTime(nightShift, smallHoursQuiet, at('2025-06-02T00:30'), until)).toEqual(at('2025-06-02T22:00'));
      // Saturday 05:00–06:00 is the tail of Friday's shift.
      expect(nextDeliveryTime(nightShift, smallHoursQuiet, at('2025-06-07T03:00'), until)).toEqual(at('2025-06-07T05:00'));
      // After that, nothing until Monday night.
      expect(nextDeliveryTime(nightShift, smallHoursQuiet, at('2025-06-07T06:00'), until)).toEqual(at('2025-06-09T22:00'));
    });

    it('still skips the quiet hours inside the shift', () => {
      expect(nextDeliveryTime(nightShift, smallHoursQuiet, at('2025-06-03T01:30'), until)).toEqual(at('2025-06-03T05:00'));
      expect(isDeliverable(nightShift, smallHoursQuiet, at('2025-06-03T00:59'))).toBe(true);
      expect(isDeliverable(nightShift, smallHoursQuiet, at('2025-06-03T05:59'))).toBe(true);
      expect(isDeliverable(nightShift, smallHoursQuiet, at('2025-06-03T06:00'))).toBe(false);
    });

    it('is never reachable when the whole shift sits inside quiet hours', () => {
      expect(nextDeliveryTime(nightShift, EVENING_QUIET, at('2025-06-02T00:00'), until)).toBeNull();
    });
  });

  it('treats equal working-hours bounds as a 24-hour shift belonging to its start day', () => {
    const mondayAroundTheClock = officeWorker('UTC', { workingHoursStart: '06:00', workingHoursEnd: '06:00', workingDays: [1] });
    expect(isDeliverable(mondayAroundTheClock, NO_QUIET, utc('2025-06-02T05:59:00Z'))).toBe(false);
    expect(isDeliverable(mondayAroundTheClock, NO_QUIET, utc('2025-06-02T06:00:00Z'))).toBe(true);
    expect(isDeliverable(mondayAroundTheClock, NO_QUIET, utc('2025-06-03T05:59:00Z'))).toBe(true);
    expect(isDeliverable(mondayAroundTheClock, NO_QUIET, utc('2025-06-03T06:00:00Z'))).toBe(false);
  });

  describe('DST', () => {
    it('Europe/Berlin spring forward: a 02:30 start that does not exist opens at 03:00 CEST', () => {
      const earlyShift = officeWorker('Europe/Berlin', { workingHoursStart: '02:30', workingHoursEnd: '05:00', workingDays: EVERY_DAY });
      const until = utc('2025-04-05T00:00:00Z');
      // 30 March 2025: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
      expect(nextDeliveryTime(earlyShift, NO_QUIET, utc('2025-03-29T23:00:00Z'), until)).toEqual(utc('2025-03-30T01:00:00Z'));
      // The days around it keep 02:30 on their own offsets.
      expect(nextDeliveryTime(earlyShift, NO_QUIET, utc('2025-03-28T23:00:00Z'), until)).toEqual(utc('2025-03-29T01:30:00Z'));
      expect(nextDeliveryTime(earlyShift, NO_QUIET, utc('2025-03-30T04:00:00Z'), until)).toEqual(utc('2025-03-31T00:30:00Z'));
    });

    it('Europe/Berlin fall back: 02:00–02:45 happens twice and both are usable', () => {
      const earlyShift = officeWorker('Europe/Berlin', { workingHoursStart: '02:00', workingHoursEnd: '02:45', workingDays: EVERY_DAY });
      const until = utc('2025-11-01T00:00:00Z');
      // 26 October 2025: 03:00 CEST goes back to 02:00 CET at 01:00 UTC.
      expect(nextDeliveryTime(earlyShift, NO_QUIET, utc('2025-10-25T22:00:00Z'), until)).toEqual(utc('2025-10-26T00:00:00Z'));
      expect(nextDeliveryTime(earlyShift, NO_QUIET, utc('2025-10-26T00:50:00Z'), until)).toEqual(utc('2025-10-26T01:00:00Z'));
      expect(nextDeliveryTime(earlyShift, NO_QUIET, utc('2025-10-26T01:50:00Z'), until)).toEqual(utc('2025-10-27T01:00:00Z'));
    });

    it('America/New_York: 09:00 stays 09:00 local across both DST weekends', () => {
      const newYork = officeWorker('America/New_York');
      // Friday 18:00 EST → Monday 09:00 EDT (13:00 UTC, not 14:00).
      expect(nextDeliveryTime(newYork, EVENING_QUIET, utc('2025-03-07T23:00:00Z'), utc('2025-03-20T00:00:00Z'))).toEqual(
        utc('2025-03-10T13:00:00Z'),
      );
      // Friday 18:00 EDT → Monday 09:00 EST (14:00 UTC).
      expect(nextDeliveryTime(newYork, EVENING_QUIET, utc('2025-10-31T22:00:00Z'), utc('2025-11-10T00:00:00Z'))).toEqual(
        utc('2025-11-03T14:00:00Z'),
      );
    });

    it('America/New_York: a missing 02:30 and a doubled 01:30', () => {
      const missing = officeWorker('America/New_York', { workingHoursStart: '02:30', workingHoursEnd: '04:00', workingDays: EVERY_DAY });
      // 9 March 2025: 02:00 EST jumps to 03:00 EDT at 07:00 UTC.
      expect(nextDeliveryTime(missing, NO_QUIET, utc('2025-03-09T05:00:00Z'), utc('2025-03-12T00:00:00Z'))).toEqual(
        utc('2025-03-09T07:00:00Z'),
      );

      const doubled = officeWorker('America/New_York', { workingHoursStart: '01:30', workingHoursEnd: '01:45', workingDays: EVERY_DAY });
      // 2 November 2025: 02:00 EDT goes back to 01:00 EST at 06:00 UTC, so 01:30 is 05:30 and 06:30 UTC.
      const until = utc('2025-11-05T00:00:00Z');
      expect(nextDeliveryTime(doubled, NO_QUIET, utc('2025-11-02T04:00:00Z'), until)).toEqual(utc('2025-11-02T05:30:00Z'));
      expect(nextDeliveryTime(doubled, NO_QUIET, utc('2025-11-02T05:50:00Z'), until)).toEqual(utc('2025-11-02T06:30:00Z'));
    });
  });

  it('handles half- and quarter-hour offsets (Asia/Kolkata +05:30, Asia/Kathmandu +05:45)', () => {
    const from = utc('2025-06-02T00:00:00Z');
    const until = utc('2025-06-09T00:00:00Z');
    expect(nextDeliveryTime(officeWorker('Asia/Kolkata'), EVENING_QUIET, from, until)).toEqual(utc('2025-06-02T03:30:00Z'));
    expect(nextDeliveryTime(officeWorker('Asia/Kathmandu'), EVENING_QUIET, from, until)).toEqual(utc('2025-06-02T03:15:00Z'));
    // 17:00 in Kathmandu is 11:15 UTC: the end is exclusive, so the next slot is Tuesday 09:00.
    expect(isDeliverable(officeWorker('Asia/Kathmandu'), EVENING_QUIET, utc('2025-06-02T11:14:59Z'))).toBe(true);
    expect(nextDeliveryTime(officeWorker('Asia/Kathmandu'), EVENING_QUIET, utc('2025-06-02T11:15:00Z'), until)).toEqual(
      utc('2025-06-03T03:15:00Z'),
    );
  });

  it('returns null when the window is too short, and treats `until` as exclusive', () => {
    const berlin = officeWorker('Europe/Berlin');
    const mondayEvening = local('2025-06-02T17:30', 'Europe/Berlin');
    const tuesdayNine = local('2025-06-03T09:00', 'Europe/Berlin');
    expect(nextDeliveryTime(berlin, EVENING_QUIET, mondayEvening, tuesdayNine)).toBeNull();
    expect(nextDeliveryTime(berlin, EVENING_QUIET, mondayEvening, new Date(tuesdayNine.getTime() + 1))).toEqual(tuesdayNine);
    expect(nextDeliveryTime(berlin, EVENING_QUIET, tuesdayNine, tuesdayNine)).toBeNull();
    expect(nextDeliveryTime(berlin, EVENING_QUIET, tuesdayNine, mondayEvening)).toBeNull();
    expect(nextDeliveryTime(officeWorker('Europe/Berlin', { workingDays: [] }), EVENING_QUIET, mondayEvening, utc('2026-01-01T00:00:00Z'))).toBeNull();
  });

  it('rejects bad input with clear errors', () => {
    const from = utc('2025-06-02T00:00:00Z');
    const until = utc('2025-06-03T00:00:00Z');
    expect(() => nextDeliveryTime(officeWorker('Mars/Olympus'), EVENING_QUIET, from, until)).toThrow(/Invalid time zone "Mars\/Olympus"/);
    expect(() => nextDeliveryTime(officeWorker('UTC', { workingDays: [0] }), EVENING_QUIET, from, until)).toThrow(/Invalid working day 0/);
    expect(() => nextDeliveryTime(officeWorker('UTC', { workingDays: [8] }), EVENING_QUIET, from, until)).toThrow(/Invalid working day 8/);
    expect(() => nextDeliveryTime(officeWorker('UTC', { workingHoursEnd: '25:00' }), EVENING_QUIET, from, until)).toThrow(/Invalid time "25:00"/);
    expect(() => nextDeliveryTime(officeWorker('UTC'), { quietHoursStart: '7pm', quietHoursEnd: '08:00' }, from, until)).toThrow(/Invalid time "7pm"/);
    expect(() => nextDeliveryTime(officeWorker('UTC'), EVENING_QUIET, new Date(Number.NaN), until)).toThrow(/Invalid from/);
  });
});

describe('reminderTimes', () => {
  const berlin = officeWorker('Europe/Berlin');
  const at = (iso: string): Date => local(iso, 'Europe/Berlin');

  it('places reminders at the first deliverable moments after 40 % and 75 % of the window', () => {
    // Mon 09:00 → Sat 09:00 (120 h): 40 % is Wed 09:00, 75 % is Fri 03:00 → Fri 09:00.
    expect(reminderTimes(berlin, EVENING_QUIET, at('2025-06-02T09:00'), at('2025-06-07T09:00'))).toEqual([
      at('2025-06-04T09:00'),
      at('2025-06-06T09:00'),
    ]);
  });

  it('gives Tokyo and New York reminders inside their own working hours for the same round', () => {
    const opensAt = utc('2025-06-02T00:00:00Z');
    const closesAt = utc('2025-06-07T00:00:00Z');
    const tokyo = reminderTimes(officeWorker('Asia/Tokyo'), EVENING_QUIET, opensAt, closesAt);
    const newYork = reminderTimes(officeWorker('America/New_York'), EVENING_QUIET, opensAt, closesAt);
    // 120 h window: 40 % is Wed 00:00 UTC, 75 % is Thu 18:00 UTC.
    // Tokyo: invited Mon 09:00; 40 % is Wed 09:00 there; 75 % is Fri 03:00 → Fri 09:00.
    expect(tokyo.map((instant) => wallClock(instant, 'Asia/Tokyo'))).toEqual(['Wed 2025-06-04 09:00', 'Fri 2025-06-06 09:00']);
    // New York: invited Mon 09:00; 40 % is Tue 20:00 there → Wed 09:00; 75 % is Thu 14:00, a working hour.
    expect(newYork.map((instant) => wallClock(instant, 'America/New_York'))).toEqual(['Wed 2025-06-04 09:00', 'Thu 2025-06-05 14:00']);
  });

  it('keeps 24 h between pings where the window allows, and relaxes it only where it does not', () => {
    const aroundTheClock = officeWorker('UTC', { workingHoursStart: '00:00', workingHoursEnd: '00:00', workingDays: EVERY_DAY });
    // 48 h window, invitation at Mon 00:00. 40 % is Mon 19:12, pushed to Tue 00:00 by the gap;
    // 75 % is Tue 12:00, and Wed 00:00 would be too late, so the gap gives way.
    expect(reminderTimes(aroundTheClock, NO_QUIET, utc('2025-06-02T00:00:00Z'), utc('2025-06-04T00:00:00Z'))).toEqual([
      utc('2025-06-03T00:00:00Z'),
      utc('2025-06-03T12:00:00Z'),
    ]);
  });

  it('stops at the window end', () => {
    // Mon 09:00 → Tue 08:00: the 40 % mark (Mon 18:12) has no working hour left before closing.
    expect(reminderTimes(berlin, EVENING_QUIET, at('2025-06-02T09:00'), at('2025-06-03T08:00'))).toEqual([]);
    // Mon 09:00 → Tue 12:00: Tue 09:00 fits once; the 75 % mark (Tue 05:15) would land on that same ping.
    const closesAt = at('2025-06-03T12:00');
    const reminders = reminderTimes(berlin, EVENING_QUIET, at('2025-06-02T09:00'), closesAt);
    expect(reminders).toEqual([at('2025-06-03T09:00')]);
    for (const reminder of reminders) expect(reminder.getTime()).toBeLessThan(closesAt.getTime());
  });

  it('skips a mark that falls before a late invitation but keeps the later one', () => {
    // Mon 00:00 → Mon 17:00: invited at 09:00, so the 40 % mark (06:48) is moot; 75 % is 12:45.
    expect(reminderTimes(berlin, EVENING_QUIET, at('2025-06-02T00:00'), at('2025-06-02T17:00'))).toEqual([at('2025-06-02T12:45')]);
  });

  it('respects count, and sends nothing to someone who cannot be invited at all', () => {
    const opensAt = at('2025-06-02T09:00');
    const closesAt = at('2025-06-07T09:00');
    expect(reminderTimes(berlin, EVENING_QUIET, opensAt, closesAt, 1)).toEqual([at('2025-06-04T09:00')]);
    expect(reminderTimes(berlin, EVENING_QUIET, opensAt, closesAt, 0)).toEqual([]);
    expect(reminderTimes(officeWorker('Europe/Berlin', { workingDays: [] }), EVENING_QUIET, opensAt, closesAt)).toEqual([]);
    expect(() => reminderTimes(berlin, EVENING_QUIET, opensAt, closesAt, 3)).toThrow(/Invalid reminder count 3/);
  });
});

describe('monthKey and fatigueAllows', () => {
  it("reads the month on the person's own calendar", () => {
    // 31 Jan 23:30 UTC is already 1 Feb 08:30 in Tokyo …
    expect(monthKey(utc('2025-01-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-02');
    expect(monthKey(utc('2025-01-31T23:30:00Z'), 'UTC')).toBe('2025-01');
    // … while 31 Jan 23:30 in Tokyo is still January everywhere east of UTC-9.
    expect(monthKey(local('2025-01-31T23:30', 'Asia/Tokyo'), 'Asia/Tokyo')).toBe('2025-01');
    expect(monthKey(utc('2025-03-01T02:00:00Z'), 'America/New_York')).toBe('2025-02');
  });

  it("counts the budget per calendar month in the person's zone", () => {
    const twoJanuaryInvites = [utc('2025-01-10T03:00:00Z'), utc('2025-01-20T03:00:00Z')];
    const candidate = utc('2025-01-31T23:30:00Z');
    expect(fatigueAllows(twoJanuaryInvites, candidate, 'Asia/Tokyo', 2)).toBe(true); // a fresh February in Tokyo
    expect(fatigueAllows(twoJanuaryInvites, candidate, 'UTC', 2)).toBe(false); // still January in UTC
    expect(fatigueAllows(twoJanuaryInvites, candidate, 'UTC', 3)).toBe(true);

    // That late-January-UTC invitation counts against February in Tokyo.
    const invites = [utc('2025-01-31T23:30:00Z'), utc('2025-02-05T03:00:00Z')];
    const midFebruary = utc('2025-02-15T03:00:00Z');
    expect(fatigueAllows(invites, midFebruary, 'Asia/Tokyo', 2)).toBe(false);
    expect(fatigueAllows(invites, midFebruary, 'UTC', 2)).toBe(true);
  });

  it('allows nothing with a zero budget and rejects a nonsensical one', () => {
    expect(fatigueAllows([], utc('2025-01-15T00:00:00Z'), 'UTC', 0)).toBe(false);
    expect(() => fatigueAllows([], utc('2025-01-15T00:00:00Z'), 'UTC', -1)).toThrow(/Invalid maxPerMonth -1/);
    expect(() => fatigueAllows([], utc('2025-01-15T00:00:00Z'), 'UTC', 1.5)).toThrow(/Invalid maxPerMonth 1.5/);
    expect(() => monthKey(utc('2025-01-15T00:00:00Z'), 'Nowhere/Land')).toThrow(/Invalid time zone/);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based tests. The oracle reads wall clocks through Intl directly (not luxon) and
// restates the rules from the brief, so it shares no code with the module under test.
// ---------------------------------------------------------------------------------------------

const ALL_ZONES = Intl.supportedValuesOf('timeZone');
const ISO_WEEKDAY_BY_NAME: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function oracleWallClock(timeZone: string, ms: number): { isoWeekday: number; minuteOfDay: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return { isoWeekday: ISO_WEEKDAY_BY_NAME[part('weekday')] ?? Number.NaN, minuteOfDay: Number(part('hour')) * 60 + Number(part('minute')) };
}

function oracleDeliverable(person: PersonSchedule, quiet: TenantQuietHours, ms: number): boolean {
  const { isoWeekday, minuteOfDay: minute } = oracleWallClock(person.timeZone, ms);
  const yesterday = isoWeekday === 1 ? 7 : isoWeekday - 1;
  const [workStart, workEnd] = [parseHHMM(person.workingHoursStart), parseHHMM(person.workingHoursEnd)];
  const [quietStart, quietEnd] = [parseHHMM(quiet.quietHoursStart), parseHHMM(quiet.quietHoursEnd)];
  const working =
    workStart < workEnd
      ? person.workingDays.includes(isoWeekday) && minute >= workStart && minute < workEnd
      : (person.workingDays.includes(isoWeekday) && minute >= workStart) || (person.workingDays.includes(yesterday) && minute < workEnd);
  const quietNow = quietStart === quietEnd ? false : quietStart < quietEnd ? minute >= quietStart && minute < quietEnd : minute >= quietStart || minute < quietEnd;
  return working && !quietNow;
}

/** `from` itself, then every whole minute after it and before `end`: boundaries are whole minutes. */
function* minutesFrom(fromMs: number, endMs: number): Generator<number> {
  if (fromMs < endMs) yield fromMs;
  for (let ms = Math.floor(fromMs / 60_000) * 60_000 + 60_000; ms < endMs; ms += 60_000) yield ms;
}

const hhmm = fc
  .oneof(fc.integer({ min: 0, max: 23 }).map((hour) => hour * 60), fc.integer({ min: 0, max: 1439 }))
  .map((minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
const workingDays = fc.subarray(EVERY_DAY);
const personIn = (zone: fc.Arbitrary<string>): fc.Arbitrary<PersonSchedule> =>
  fc.record({ timeZone: zone, workingHoursStart: hhmm, workingHoursEnd: hhmm, workingDays });
const quietHours: fc.Arbitrary<TenantQuietHours> = fc.record({ quietHoursStart: hhmm, quietHoursEnd: hhmm });
const anyZone = fc.constantFrom(...ALL_ZONES);
const instantIn2020s = fc.date({ min: utc('2020-01-01T00:00:00Z'), max: utc('2030-12-31T00:00:00Z'), noInvalidDate: true });
const shortWindowMs = fc.integer({ min: 0, max: 3 * DAY_MS });

function assertEarliestDeliverable(person: PersonSchedule, quiet: TenantQuietHours, from: Date, until: Date): void {
  const result = nextDeliveryTime(person, quiet, from, until);
  const scanEnd = result === null ? until.getTime() : result.getTime();
  if (result !== null) {
    expect(result.getTime()).toBeGreaterThanOrEqual(from.getTime());
    expect(result.getTime()).toBeLessThan(until.getTime());
    expect(oracleDeliverable(person, quiet, result.getTime())).toBe(true);
    expect(isDeliverable(person, quiet, result)).toBe(true);
  }
  for (const ms of minutesFrom(from.getTime(), scanEnd)) {
    if (oracleDeliverable(person, quiet, ms)) {
      throw new Error(`${new Date(ms).toISOString()} is deliverable but the answer was ${result?.toISOString() ?? 'null'}`);
    }
  }
}

describe('properties', () => {
  it('nextDeliveryTime returns the earliest deliverable instant of the window, in any zone', () => {
    fc.assert(
      fc.property(personIn(anyZone), quietHours, instantIn2020s, shortWindowMs, (person, quiet, from, windowMs) => {
        assertEarliestDeliverable(person, quiet, from, new Date(from.getTime() + windowMs));
      }),
      { numRuns: 100 },
    );
  });

  it('nextDeliveryTime stays exact across DST switches, including 30-minute and midnight ones', () => {
    // 2025 offset changes: Berlin, New York, Lord Howe (30 min), Santiago and Havana (at midnight), Chatham (+12:45).
    const switches: Array<[string, string]> = [
      ['Europe/Berlin', '2025-03-30T01:00:00Z'],
      ['Europe/Berlin', '2025-10-26T01:00:00Z'],
      ['America/New_York', '2025-03-09T07:00:00Z'],
      ['America/New_York', '2025-11-02T06:00:00Z'],
      ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
      ['Australia/Lord_Howe', '2025-10-04T15:30:00Z'],
      ['America/Santiago', '2025-04-06T03:00:00Z'],
      ['America/Santiago', '2025-09-07T04:00:00Z'],
      ['America/Havana', '2025-03-09T05:00:00Z'],
      ['America/Havana', '2025-11-02T05:00:00Z'],
      ['Pacific/Chatham', '2025-04-05T14:00:00Z'],
      ['Pacific/Chatham', '2025-09-27T14:00:00Z'],
    ];
    const aroundASwitch = fc
      .tuple(fc.constantFrom(...switches), fc.integer({ min: -36 * HOUR_MS, max: 6 * HOUR_MS }))
      .map(([[zone, switchIso], shiftMs]) => ({ zone, from: new Date(Date.parse(switchIso) + shiftMs) }));
    fc.assert(
      fc.property(aroundASwitch, fc.record({ workingHoursStart: hhmm, workingHoursEnd: hhmm, workingDays }), quietHours, shortWindowMs, ({ zone, from }, hours, quiet, windowMs) => {
        assertEarliestDeliverable({ timeZone: zone, ...hours }, quiet, from, new Date(from.getTime() + windowMs));
      }),
      { numRuns: 100 },
    );
  });

  it('isDeliverable agrees with the wall clock read through Intl', () => {
    fc.assert(
      fc.property(personIn(anyZone), quietHours, instantIn2020s, (person, quiet, instant) => {
        expect(isDeliverable(person, quiet, instant)).toBe(oracleDeliverable(person, quiet, instant.getTime()));
      }),
      { numRuns: 300 },
    );
  });

  it('reminders are deliverable, ordered, inside the window, after their mark and spaced where possible', () => {
    const windowUpTo10Days = fc.integer({ min: 0, max: 10 * DAY_MS });
    fc.assert(
      fc.property(personIn(anyZone), quietHours, instantIn2020s, windowUpTo10Days, fc.integer({ min: 0, max: 2 }), (person, quiet, opensAt, windowMs, count) => {
        const closesAt = new Date(opensAt.getTime() + windowMs);
        const reminders = reminderTimes(person, quiet, opensAt, closesAt, count);
        expect(reminders.length).toBeLessThanOrEqual(count);
        const invitation = nextDeliveryTime(person, quiet, opensAt, closesAt);
        if (invitation === null) return expect(reminders).toEqual([]);

        const firstMarkMs = opensAt.getTime() + 0.4 * windowMs;
        let previousPing = invitation;
        for (const reminder of reminders) {
          expect(oracleDeliverable(person, quiet, reminder.getTime())).toBe(true);
          expect(reminder.getTime()).toBeGreaterThanOrEqual(firstMarkMs);
          expect(reminder.getTime()).toBeGreaterThan(previousPing.getTime());
          expect(reminder.getTime()).toBeLessThan(closesAt.getTime());
          const spacedEnough = reminder.getTime() - previousPing.getTime() >= DAY_MS;
          const roomForSpacing = nextDeliveryTime(person, quiet, new Date(previousPing.getTime() + DAY_MS), closesAt) !== null;
          expect(spacedEnough || !roomForSpacing).toBe(true);
          previousPing = reminder;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fatigueAllows counts invitations in the calendar month of the candidate, in the person’s zone', () => {
    const monthFormatters = new Map<string, Intl.DateTimeFormat>();
    const oracleMonth = (ms: number, timeZone: string): string => {
      let formatter = monthFormatters.get(timeZone);
      if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
        monthFormatters.set(timeZone, formatter);
      }
      return formatter.format(ms).slice(0, 7);
    };
    fc.assert(
      fc.property(fc.array(instantIn2020s, { maxLength: 12 }), instantIn2020s, anyZone, fc.integer({ min: 0, max: 5 }), (previous, candidate, zone, max) => {
        expect(monthKey(candidate, zone)).toBe(oracleMonth(candidate.getTime(), zone));
        const sameMonth = previous.filter((instant) => oracleMonth(instant.getTime(), zone) === oracleMonth(candidate.getTime(), zone)).length;
        expect(fatigueAllows(previous, candidate, zone, max)).toBe(sameMonth < max);
      }),
      { numRuns: 200 },
    );
  });
});
