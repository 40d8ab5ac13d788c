import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { batchCount, batchOf, batchRange, INVITATION_BATCH_SIZE, invitationBatchJobId, invitationBatchPayload } from './invitation-batch.js';

// PostgreSQL orders uuids byte by byte, which for the canonical lower-case text is string order.
const inRange = (id: string, { from, to }: { from: string; to: string | null }) => id >= from && (to === null || id < to);

describe('cutting a round into parts', () => {
  it('puts every invitation id in exactly one part, the one whose uuid range holds it', () => {
    fc.assert(
      fc.property(fc.uuid({ version: 4 }), fc.integer({ min: 1, max: 5_000 }), (id, parts) => {
        const part = batchOf(id, parts);
        expect(part).toBeGreaterThanOrEqual(0);
        expect(part).toBeLessThan(parts);
        for (let p = 0; p < parts; p++) if (p !== part && Math.abs(p - part) <= 1) expect(inRange(id, batchRange(p, parts))).toBe(false);
        expect(inRange(id, batchRange(part, parts))).toBe(true);
      }),
    );
  });

  it('covers the whole uuid space with adjacent ranges', () => {
    for (const parts of [1, 2, 3, 7, 400, 4_001]) {
      expect(batchRange(0, parts).from).toBe('00000000-0000-0000-0000-000000000000');
      expect(batchRange(parts - 1, parts).to).toBeNull();
      for (let p = 0; p + 1 < parts; p++) expect(batchRange(p, parts).to).toBe(batchRange(p + 1, parts).from);
    }
    expect(inRange('ffffffff-ffff-4fff-bfff-ffffffffffff', batchRange(6, 7))).toBe(true);
    expect(batchOf('ffffffff-ffff-4fff-bfff-ffffffffffff', 7)).toBe(6);
  });

  it('sizes parts from the invited count, about INVITATION_BATCH_SIZE random ids each', () => {
    expect(batchCount(0)).toBe(1);
    expect(batchCount(1)).toBe(1);
    expect(batchCount(INVITATION_BATCH_SIZE)).toBe(1);
    expect(batchCount(INVITATION_BATCH_SIZE + 1)).toBe(2);
    expect(batchCount(100_000)).toBe(400);
    const parts = batchCount(20_000);
    const sizes = new Array<number>(parts).fill(0);
    for (let i = 0; i < 20_000; i++) sizes[batchOf(randomUUID(), parts)]!++;
    // Binomial(20,000, 1/80): mean 250, sd ≈ 15.7 — ±100 is over six standard deviations.
    expect(Math.min(...sizes)).toBeGreaterThan(150);
    expect(Math.max(...sizes)).toBeLessThan(350);
  });

  it('names each part by round, part and part count, and refuses a part outside the round', () => {
    const roundId = randomUUID();
    expect(invitationBatchJobId(roundId, 2, 3)).toBe(`invites-${roundId}-2of3`);
    expect(invitationBatchJobId(roundId, 2, 3)).not.toMatch(/:/); // BullMQ forbids ":" in ids
    const tenantId = randomUUID();
    expect(invitationBatchPayload.safeParse({ tenantId, roundId, part: 2, parts: 3 }).success).toBe(true);
    expect(invitationBatchPayload.safeParse({ tenantId, roundId, part: 3, parts: 3 }).success).toBe(false);
    expect(invitationBatchPayload.safeParse({ tenantId, roundId: 'nope', part: 0, parts: 1 }).success).toBe(false);
  });
});
