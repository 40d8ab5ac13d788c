// Pulsewise never ranks people or teams: no composite score, no league table, no
// sort by a value. This walks the committed schema and fails on any field,
// argument, enum value or input field whose name suggests ranking or scoring.
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { committedSchema } from './test-support/schema-operations.js';

// Also: any sort or order argument, correlations across teams, a composite index, and a KPI
// "direction" (good/bad) — the ingredients of a league table even when not called one.
const RANKING = /(rank|score|leaderboard|league|top(?=[A-Z_]|$)|bottom(?=[A-Z_]|$)|best|worst|sort|order|percentile|correlat|composite|cultureIndex|polarity|direction|isBetter)/i;

export function rankingNames(schema = committedSchema()): string[] {
  const hits: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (RANKING.test(type.name)) hits.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (RANKING.test(field.name)) hits.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (RANKING.test(arg.name)) hits.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (RANKING.test(field.name)) hits.push(`${type.name}.${field.name}`);
    if (isEnumType(type)) for (const value of type.getValues()) if (RANKING.test(value.name)) hits.push(`${type.name}.${value.name}`);
  }
  return hits;
}

it('has no field, argument or enum value that ranks, scores or sorts by a value', () => {
  expect(rankingNames()).toEqual([]);
});

it('would catch a ranking field if one were added', async () => {
  const { buildSchema } = await import('graphql');
  const bad = buildSchema('type Query { teams(sortBy: String): [Team!]! topTeams: [Team!]! } type Team { cultureScore: Float rank: Int }');
  expect(rankingNames(bad)).toEqual(['Query.teams(sortBy)', 'Query.topTeams', 'Team.cultureScore', 'Team.rank']);
  const subtle = buildSchema('type Query { cultureOverview(order: String): [Kpi!]! signalCorrelations: [Float!]! } type Kpi { direction: String higherIsBetter: Boolean }');
  expect(rankingNames(subtle)).toEqual(['Query.cultureOverview(order)', 'Query.signalCorrelations', 'Kpi.direction', 'Kpi.higherIsBetter']);
});
