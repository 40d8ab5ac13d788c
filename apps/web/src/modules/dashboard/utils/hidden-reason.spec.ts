import { describe, expect, it } from 'vitest';
import { hiddenReasonShort, hiddenReasonText } from './hidden-reason';

describe('hiddenReasonText', () => {
  it('says why in words, with the threshold in force', () => {
    expect(hiddenReasonText('BELOW_THRESHOLD', 5)).toBe('fewer than 5 responses — hidden to protect anonymity');
    expect(hiddenReasonText('BELOW_THRESHOLD', 7)).toBe('fewer than 7 responses — hidden to protect anonymity');
    expect(hiddenReasonText('COMPLEMENTARY', 5)).toBe('hidden so the hidden group next to it cannot be worked out');
  });

  it('shows the band text for near-unanimous groups', () => {
    expect(hiddenReasonText('BANDED', 5, '≥80% favourable')).toBe('≥80% favourable');
    expect(hiddenReasonText('BANDED', 5)).toMatch(/range/);
  });

  it('treats a missing reason as the strictest one, never as zero', () => {
    expect(hiddenReasonText(null, 5)).toMatch(/fewer than 5/);
    expect(hiddenReasonShort(undefined)).toMatch(/Hidden/);
    expect(hiddenReasonText('WITHHELD', 5)).toMatch(/could not be published/);
  });
});
