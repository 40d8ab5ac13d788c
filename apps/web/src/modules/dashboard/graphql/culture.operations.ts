import { graphql } from '../../../gql';

export const GetCultureOverviewDocument = graphql(`
  query GetCultureOverview($orgUnitId: ID!, $from: String, $to: String) {
    cultureOverview(orgUnitId: $orgUnitId, from: $from, to: $to) {
      orgUnitId
      name
      from
      to
      months
      anonymityThreshold
      signals {
        signal {
          key
          name
          description
          unit
          healthyMin
          healthyMax
          source
        }
        points {
          month
          value
          hidden
          reason
          band
          n
        }
        trend {
          month
          value
        }
      }
      kpis {
        kpiId
        key
        name
        unit
        description
        orgUnitPath
        points {
          month
          value
        }
      }
    }
  }
`);
