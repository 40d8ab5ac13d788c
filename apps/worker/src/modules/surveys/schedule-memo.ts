// The delivery-window answers for many people at once. Within one launch or one batch the
// tenant's quiet hours, the round's window and "now" are fixed, and most people share their
// schedule with hundreds of others (same zone, same working hours and days), so each answer
// is computed once per distinct schedule instead of once per person.
import { isDeliverable, nextDeliveryTime, reminderTimes, type PersonSchedule, type TenantQuietHours } from './delivery-window.js';

const keyOf = (p: PersonSchedule): string => `${p.timeZone}|${p.workingHoursStart}|${p.workingHoursEnd}|${[...p.workingDays].join(',')}`;

export class ScheduleMemo {
  private readonly deliverable = new Map<string, boolean>();
  private readonly next = new Map<string, Date | null>();
  private readonly reminders = new Map<string, readonly Date[]>();

  constructor(
    private readonly quiet: TenantQuietHours,
    private readonly opensAt: Date,
    private readonly closesAt: Date,
  ) {}

  private memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute();
    cache.set(key, value);
    return value;
  }

  isDeliverable(person: PersonSchedule, now: Date): boolean {
    return this.memo(this.deliverable, `${keyOf(person)}@${now.getTime()}`, () => isDeliverable(person, this.quiet, now));
  }

  /** The earliest instant in [from, closesAt) the person may be pinged, or null. */
  nextDeliveryTime(person: PersonSchedule, from: Date): Date | null {
    return this.memo(this.next, `${keyOf(person)}@${from.getTime()}`, () => nextDeliveryTime(person, this.quiet, from, this.closesAt));
  }

  /** Both reminder instants of the round for this schedule (callers filter by when the invitation went out). */
  reminderTimes(person: PersonSchedule): readonly Date[] {
    return this.memo(this.reminders, keyOf(person), () => reminderTimes(person, this.quiet, this.opensAt, this.closesAt));
  }
}
