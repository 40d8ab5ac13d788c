/**
 * When may we ping this person? Pure scheduling math for pulse invitations and reminders.
 *
 * No I/O, no Nest, no Prisma: the API and the worker both import this file (the worker by
 * relative path), so its only dependency is luxon for IANA time-zone offsets.
 *
 * Everything is judged on the person's own wall clock: an instant is deliverable when, in
 * their time zone, it falls inside their working hours on one of their working days and
 * outside the tenant's quiet hours. Judging each instant by its wall clock (instead of
 * building local date-times and converting them) is what makes DST come out right: a
 * 02:30 that does not exist is simply never seen, and a 02:30 that happens twice is
 * deliverable both times.
 */
import { IANAZone } from 'luxon';

/** A 24-hour wall-clock time such as "09:30" (00:00–23:59). */
export type HHMM = string;

/** ISO weekday: 1 = Monday … 7 = Sunday (luxon's numbering). */
export type IsoWeekday = number;

export interface PersonSchedule {
  /** IANA zone, e.g. "Asia/Tokyo". */
  timeZone: string;
  workingHoursStart: HHMM;
  /**
   * End of the working day, exclusive. An end earlier than the start is a night shift
   * crossing midnight; an end equal to the start is a full 24-hour shift. Either way the
   * shift belongs to the day it starts, so only that day has to be a working day.
   */
  workingHoursEnd: HHMM;
  workingDays: readonly IsoWeekday[];
}

/**
 * The tenant's quiet hours, read on each person's own wall clock. Start inclusive, end
 * exclusive; may cross midnight (19:00–08:00). Equal start and end mean "no quiet hours":
 * a 24-hour quiet period would forbid every send, which no tenant means to configure.
 */
export interface TenantQuietHours {
  quietHoursStart: HHMM;
  quietHoursEnd: HHMM;
}

/** Where each reminder lands inside the open window: the first at 40 %, the second at 75 %. */
export const REMINDER_WINDOW_FRACTIONS: readonly number[] = [0.4, 0.75];

/** Reminders are spaced at least this far from the previous ping, when the window allows. */
export const MIN_GAP_BETWEEN_PINGS_MS = 24 * 60 * 60 * 1000;

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const MINUTES_PER_DAY = 24 * 60;
// Offset changes are found by sampling; no real zone changes offset twice within 6 hours.
const OFFSET_SAMPLING_STEP_MS = 6 * 60 * MINUTE_MS;
// Wall times near the window edges can belong to the neighbouring local day (offsets reach
// ±14 h, and a fall-back across midnight would move the wall clock back into the previous date).
const SCAN_MARGIN_MS = 2 * DAY_MS;

const HHMM_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" → 570 (minutes after midnight). Throws on anything but a strict 24-hour HH:MM. */
export function parseHHMM(value: string): number {
  const match = typeof value === 'string' ? HHMM_PATTERN.exec(value) : null;
  if (!match) {
    throw new Error(`Invalid time ${JSON.stringify(value)}: expected 24-hour "HH:MM" between 00:00 and 23:59`);
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Resolved, validated form of a person + quiet hours, so the hot loops work on numbers. */
interface DeliveryRules {
  zone: IANAZone;
  workStartMinute: number;
  workEndMinute: number;
  workingDays: ReadonlySet<IsoWeekday>;
  quietStartMinute: number;
  quietEndMinute: number;
}

interface WallClock {
  isoWeekday: IsoWeekday;
  minuteOfDay: number;
}

// Validated zones by name. IANAZone.isValidZone builds an Intl.DateTimeFormat on every call
// (≈ 0.1–0.3 ms): over a fan-out of thousands of people that was the largest single cost of
// planning and delivery, for a handful of distinct names. Only valid names are kept.
const validZones = new Map<string, IANAZone>();

function resolveZone(timeZone: string): IANAZone {
  const known = typeof timeZone === 'string' ? validZones.get(timeZone) : undefined;
  if (known) return known;
  // IANAZone.isValidZone asks Intl, so the accepted names are exactly the runtime's zones.
  if (typeof timeZone !== 'string' || !IANAZone.isValidZone(timeZone)) {
    throw new Error(`Invalid time zone ${JSON.stringify(timeZone)}: expected an IANA name such as "Europe/Berlin"`);
  }
  const zone = IANAZone.create(timeZone);
  validZones.set(timeZone, zone);
  return zone;
}

function resolveRules(person: PersonSchedule, quietHours: TenantQuietHours): DeliveryRules {
  for (const day of person.workingDays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new Error(`Invalid working day ${JSON.stringify(day)}: expected an ISO weekday 1 (Monday) … 7 (Sunday)`);
    }
  }
  return {
    zone: resolveZone(person.timeZone),
    workStartMinute: parseHHMM(person.workingHoursStart),
    workEndMinute: parseHHMM(person.workingHoursEnd),
    workingDays: new Set(person.workingDays),
    quietStartMinute: parseHHMM(quietHours.quietHoursStart),
    quietEndMinute: parseHHMM(quietHours.quietHoursEnd),
  };
}

function assertValidInstant(instant: Date, name: string): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`Invalid ${name}: expected a valid Date`);
  return ms;
}

/** Offset from UTC in minutes at an instant (luxon resolves it through Intl). */
function offsetMinutesAt(zone: IANAZone, ms: number): number {
  return zone.offset(ms);
}

function wallClockAt(zone: IANAZone, ms: number): WallClock {
  // Shift the instant by its offset and read the result as if it were UTC: that is the wall clock.
  const wall = new Date(ms + offsetMinutesAt(zone, ms) * MINUTE_MS);
  return {
    isoWeekday: ((wall.getUTCDay() + 6) % 7) + 1,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

function previousIsoWeekday(day: IsoWeekday): IsoWeekday {
  return day === 1 ? 7 : day - 1;
}

function isWithinWorkingHours(rules: DeliveryRules, wall: WallClock): boolean {
  const { workStartMinute: start, workEndMinute: end, workingDays } = rules;
  const minute = wall.minuteOfDay;
  if (start < end) return workingDays.has(wall.isoWeekday) && minute >= start && minute < end;
  // Crosses midnight (or lasts 24 h when start === end): the part after midnight belongs to
  // the shift that started the day before, so it is yesterday's working day that counts.
  const inTodaysShift = workingDays.has(wall.isoWeekday) && minute >= start;
  const inYesterdaysShift = workingDays.has(previousIsoWeekday(wall.isoWeekday)) && minute < end;
  return inTodaysShift || inYesterdaysShift;
}

function isWithinQuietHours(rules: DeliveryRules, wall: WallClock): boolean {
  const { quietStartMinute: start, quietEndMinute: end } = rules;
  const minute = wall.minuteOfDay;
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function isDeliverableAt(rules: DeliveryRules, ms: number): boolean {
  const wall = wallClockAt(rules.zone, ms);
  return isWithinWorkingHours(rules, wall) && !isWithinQuietHours(rules, wall);
}

interface OffsetHistory {
  /** Instants (ms) at which the zone's offset changes, ascending. */
  changeInstants: number[];
  /** Every offset (minutes) the zone uses in the scanned range. */
  offsets: number[];
}

/** The zone's offset changes in [startMs, endMs], each pinned to the exact first instant of the new offset. */
function offsetHistoryBetween(zone: IANAZone, startMs: number, endMs: number): OffsetHistory {
  const changeInstants: number[] = [];
  const offsets = new Set<number>();
  let previousProbe = startMs;
  let previousOffset = offsetMinutesAt(zone, startMs);
  offsets.add(previousOffset);
  while (previousProbe < endMs) {
    const probe = Math.min(previousProbe + OFFSET_SAMPLING_STEP_MS, endMs);
    const offset = offsetMinutesAt(zone, probe);
    if (offset !== previousOffset) {
      // Binary search keeps `low` on the old offset and `high` on the new one.
      let low = previousProbe;
      let high = probe;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetMinutesAt(zone, middle) === previousOffset) low = middle;
        else high = middle;
      }
      changeInstants.push(high);
      offsets.add(offset);
    }
    previousProbe = probe;
    previousOffset = offset;
  }
  return { changeInstants, offsets: [...offsets] };
}

/** Local calendar day number (days since 1970-01-01 on the wall clock) containing an instant. */
function localDayNumber(zone: IANAZone, ms: number): number {
  return Math.floor((ms + offsetMinutesAt(zone, ms) * MINUTE_MS) / DAY_MS);
}

/**
 * Every instant at which the wall clock of `zone` reads `minuteOfDay` on local day `dayNumber`:
 * none inside a spring-forward gap, two inside a fall-back overlap, otherwise one.
 */
function instantsShowingWallTime(zone: IANAZone, offsets: readonly number[], dayNumber: number, minuteOfDay: number): number[] {
  const wallAsUtcMs = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  const instants: number[] = [];
  for (const offset of offsets) {
    const candidate = wallAsUtcMs - offset * MINUTE_MS;
    if (offsetMinutesAt(zone, candidate) === offset) instants.push(candidate);
  }
  return instants;
}

function earliestDeliverableMs(rules: DeliveryRules, fromMs: number, untilMs: number): number | null {
  if (fromMs >= untilMs || rules.workingDays.size === 0) return null;
  if (isDeliverableAt(rules, fromMs)) return fromMs;

  // Deliverability only switches on when the wall clock reaches the start of working hours
  // or the end of quiet hours, or when it jumps at an offset change. So the earliest
  // deliverable instant, if any, is the earliest deliverable one among those "openings":
  // exact to the millisecond, with no minute-by-minute scanning.
  const { zone } = rules;
  const history = offsetHistoryBetween(zone, fromMs - SCAN_MARGIN_MS, untilMs + SCAN_MARGIN_MS);
  const largestOffsetMs = Math.max(...history.offsets) * MINUTE_MS;
  const isInWindow = (ms: number): boolean => ms > fromMs && ms < untilMs;

  let earliest: number | null = null;
  const consider = (ms: number): void => {
    if (isInWindow(ms) && (earliest === null || ms < earliest) && isDeliverableAt(rules, ms)) earliest = ms;
  };

  for (const changeInstant of history.changeInstants) consider(changeInstant);

  const openingMinutes = [rules.workStartMinute, rules.quietEndMinute];
  const lastDay = localDayNumber(zone, untilMs) + 1;
  for (let day = localDayNumber(zone, fromMs) - 1; day <= lastDay; day += 1) {
    for (const minute of openingMinutes) {
      for (const instant of instantsShowingWallTime(zone, history.offsets, day, minute)) consider(instant);
    }
    // Later local days cannot produce anything earlier than what we already have.
    if (earliest !== null && earliest < (day + 1) * DAY_MS - largestOffsetMs) break;
  }
  return earliest;
}

/**
 * The earliest instant in [from, until) at which the person may be pinged, or null when the
 * window holds none. Exact to the millisecond: `from` itself is returned when it is deliverable.
 */
export function nextDeliveryTime(
  person: PersonSchedule,
  quietHours: TenantQuietHours,
  from: Date,
  until: Date,
): Date | null {
  const rules = resolveRules(person, quietHours);
  const earliest = earliestDeliverableMs(rules, assertValidInstant(from, 'from'), assertValidInstant(until, 'until'));
  return earliest === null ? null : new Date(earliest);
}

/** Whether the person may be pinged at this instant. */
export function isDeliverable(person: PersonSchedule, quietHours: TenantQuietHours, instant: Date): boolean {
  return isDeliverableAt(resolveRules(person, quietHours), assertValidInstant(instant, 'instant'));
}

/**
 * Up to `count` (0–2) reminder instants for a round open over [opensAt, closesAt).
 *
 * The invitation is assumed to go out at the first deliverable moment of the window; with no
 * such moment there is nobody to remind. Reminder i goes at the first deliverable moment at
 * or after its mark (40 %, then 75 % of the window) that is also at least 24 h after the
 * previous ping. When the window is too short for that gap, the gap is dropped: the reminder
 * goes at the first deliverable moment after its mark, but only if that is still later than
 * the previous ping (otherwise it would duplicate it). Every reminder is strictly before
 * `closesAt`; a reminder that fits nowhere is left out.
 */
export function reminderTimes(
  person: PersonSchedule,
  quietHours: TenantQuietHours,
  opensAt: Date,
  closesAt: Date,
  count = 2,
): Date[] {
  if (!Number.isInteger(count) || count < 0 || count > REMINDER_WINDOW_FRACTIONS.length) {
    throw new Error(`Invalid reminder count ${count}: expected an integer 0–${REMINDER_WINDOW_FRACTIONS.length}`);
  }
  const rules = resolveRules(person, quietHours);
  const opensMs = assertValidInstant(opensAt, 'opensAt');
  const closesMs = assertValidInstant(closesAt, 'closesAt');

  const invitationMs = earliestDeliverableMs(rules, opensMs, closesMs);
  if (invitationMs === null) return [];

  const reminders: Date[] = [];
  let previousPingMs = invitationMs;
  for (const fraction of REMINDER_WINDOW_FRACTIONS.slice(0, count)) {
    const markMs = Math.ceil(opensMs + fraction * (closesMs - opensMs));
    const spacedMs = earliestDeliverableMs(rules, Math.max(markMs, previousPingMs + MIN_GAP_BETWEEN_PINGS_MS), closesMs);
    const reminderMs = spacedMs ?? earliestDeliverableMs(rules, markMs, closesMs);
    // Null, or no later than the previous ping (its mark fell before a late invitation): skip it.
    if (reminderMs === null || reminderMs <= previousPingMs) continue;
    reminders.push(new Date(reminderMs));
    previousPingMs = reminderMs;
  }
  return reminders;
}

/** The calendar month ('YYYY-MM') an instant falls in, on the wall clock of `timeZone`. */
export function monthKey(instant: Date, timeZone: string): string {
  const zone = resolveZone(timeZone);
  // The wall clock's calendar month (what luxon's toFormat('yyyy-MM') gives, without a DateTime per call).
  const ms = assertValidInstant(instant, 'instant');
  const wall = new Date(ms + offsetMinutesAt(zone, ms) * MINUTE_MS);
  return `${String(wall.getUTCFullYear()).padStart(4, '0')}-${String(wall.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The per-person fatigue budget: may we invite at `candidate`, given earlier invitations?
 * True while fewer than `maxPerMonth` invitations fall in the candidate's calendar month,
 * counted in the person's own zone (31 Jan 23:30 UTC is already February in Tokyo).
 */
export function fatigueAllows(
  previousInviteInstants: readonly Date[],
  candidate: Date,
  timeZone: string,
  maxPerMonth: number,
): boolean {
  if (!Number.isInteger(maxPerMonth) || maxPerMonth < 0) {
    throw new Error(`Invalid maxPerMonth ${maxPerMonth}: expected a non-negative integer`);
  }
  const candidateMonth = monthKey(candidate, timeZone);
  const invitesThatMonth = previousInviteInstants.filter((instant) => monthKey(instant, timeZone) === candidateMonth).length;
  return invitesThatMonth < maxPerMonth;
}
