// Open pulse rounds with answer links, written straight into the database (the way
// the worker's launch and delivery would), for tests and benchmarks that need many
// links without running the whole invitation pipeline (pulse-flow.spec.ts does that).
import { withTenant, type Db } from '@pulsewise/db';
import { newPulseToken } from '@pulsewise/jobs';

export interface OpenRound {
  roundId: string;
  /** AGREEMENT_5 question ids, then the COMMENT question id. */
  scaleQuestionIds: string[];
  commentQuestionId: string;
  /** One answer link per person, in the order given. */
  tokens: string[];
}

export async function openRoundWithLinks(prisma: Db, tenantId: string, people: { id: string; orgUnitId: string }[], options: { closesInDays?: number } = {}): Promise<OpenRound> {
  const now = Date.now();
  return withTenant(prisma, tenantId, async (tx) => {
    const questions = await tx.question.findMany({ where: { tenantId, current: true, active: true }, orderBy: { key: 'asc' } });
    const scale = questions.filter((q) => q.type === 'AGREEMENT_5').slice(0, 2);
    const comment = questions.find((q) => q.type === 'COMMENT');
    if (scale.length < 2 || !comment) throw new Error('question bank lacks agreement/comment questions');
    const programme = await tx.pulseProgramme.create({
      data: { tenantId, name: `Fixture pulse ${now}`, cadence: 'WEEKLY', openDays: 5, questionsPerRound: 3, questionKeys: [...scale, comment].map((q) => q.key), startsAt: new Date(now + 365 * 86_400_000) },
    });
    const round = await tx.pulseRound.create({
      data: {
        tenantId, programmeId: programme.id, sequence: 1, opensAt: new Date(now - 60_000), closesAt: new Date(now + (options.closesInDays ?? 5) * 86_400_000),
        anonymityThreshold: 5, eligibleCount: people.length, invitedCount: people.length,
      },
    });
    await tx.roundQuestion.createMany({ data: [...scale, comment].map((q, position) => ({ tenantId, roundId: round.id, questionId: q.id, position })) });
    const tokens: string[] = [];
    const links: { tenantId: string; tokenHash: string; invitationId: string }[] = [];
    const invitations = people.map((p) => ({ tenantId, id: crypto.randomUUID(), roundId: round.id, personId: p.id, cellUnitId: p.orgUnitId, cellLocation: 'ALL', cellTenure: 'ALL', status: 'SENT' as const, sendAt: new Date(now) }));
    await tx.pulseInvitation.createMany({ data: invitations });
    for (const invitation of invitations) {
      const { token, tokenHash } = newPulseToken(tenantId);
      tokens.push(token);
      links.push({ tenantId, tokenHash, invitationId: invitation.id });
    }
    await tx.pulseLink.createMany({ data: links });
    return { roundId: round.id, scaleQuestionIds: scale.map((q) => q.id), commentQuestionId: comment.id, tokens };
  });
}
