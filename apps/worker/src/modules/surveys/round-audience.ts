import type { Tx } from '@pulsewise/db';

/**
 * The round's audience as counts per cell, written once at close: the aggregation
 * reads this, so participation rows can later be removed (people who left,
 * retention) without changing what the round was.
 */
export async function freezeAudience(tx: Tx, tenantId: string, roundId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO round_audience (tenant_id, round_id, cell_unit_id, cell_location, cell_tenure, eligible)
    SELECT tenant_id, round_id, cell_unit_id, cell_location, cell_tenure, count(*)::int
    FROM pulse_invitations WHERE tenant_id = ${tenantId}::uuid AND round_id = ${roundId}::uuid AND status = 'SENT'
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT DO NOTHING`;
}
