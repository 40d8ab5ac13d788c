export type HiddenReasonCode = 'BELOW_THRESHOLD' | 'COMPLEMENTARY' | 'BANDED' | 'WITHHELD';

/**
 * Why a figure is not shown, in words. Every hidden figure in the app goes through here, so a
 * hidden group is never drawn as a zero or an empty cell.
 */
export function hiddenReasonText(reason: HiddenReasonCode | null | undefined, k: number, band?: string | null): string {
  switch (reason) {
    case 'BANDED':
      return band ? band : 'shown only as a range because nearly everyone answered the same way';
    case 'COMPLEMENTARY':
      return 'hidden so the hidden group next to it cannot be worked out';
    case 'WITHHELD':
      return 'not shown: this period could not be published safely';
    case 'BELOW_THRESHOLD':
    default:
      return `fewer than ${k} responses — hidden to protect anonymity`;
  }
}

/** A short label for tight spaces; always shown together with `hiddenReasonText`. */
export function hiddenReasonShort(reason: HiddenReasonCode | null | undefined): string {
  switch (reason) {
    case 'BANDED':
      return 'Range only';
    case 'COMPLEMENTARY':
      return 'Hidden (protects a small group)';
    case 'WITHHELD':
      return 'Withheld';
    case 'BELOW_THRESHOLD':
    default:
      return 'Hidden (too few responses)';
  }
}
