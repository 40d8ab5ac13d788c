import { hiddenReasonShort, hiddenReasonText, type HiddenReasonCode } from '../utils/hidden-reason';

/** A figure that is not shown, with the reason in words — never a zero or an empty cell. */
export function HiddenValue({ reason, k, band }: { reason: HiddenReasonCode | null | undefined; k: number; band?: string | null }) {
  if (reason === 'BANDED') {
    return (
      <span className="hidden-value hidden-value--banded">
        <span className="hidden-value__band">{band ?? 'Range only'}</span>
        <span className="hidden-value__why">
          {band ? 'shown as a range because nearly everyone answered the same way' : hiddenReasonText(reason, k, band)}
        </span>
      </span>
    );
  }
  return (
    <span className="hidden-value">
      <span className="hidden-value__label">{hiddenReasonShort(reason).split(' (')[0]}</span>
      <span className="hidden-value__why">{hiddenReasonText(reason, k)}</span>
    </span>
  );
}
