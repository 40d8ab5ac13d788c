import { graphql } from '../../../gql';

export const GetOrgUnitsDocument = graphql(`
  query GetOrgUnits {
    orgUnits {
      id
      name
      path
      depth
      parentId
    }
  }
`);

export const GetReleasesDocument = graphql(`
  query GetReleases($first: Int!) {
    releases(first: $first) {
      id
      label
      kind
      status
      withheldReason
      k
      dimensions
      periodStart
    }
  }
`);

export const GetReleaseResultsDocument = graphql(`
  query GetReleaseResults($releaseId: ID!, $orgUnitId: ID, $dimension: String) {
    releaseResults(releaseId: $releaseId, orgUnitId: $orgUnitId, dimension: $dimension) {
      orgUnitId
      dimension
      commentsAvailable
      release {
        id
        label
        status
        withheldReason
        k
        dimensions
        notCounted
      }
      questions {
        key
        text
        min
        max
      }
      rows {
        orgUnitId
        name
        isSelectedUnit
        direct
        hasChildren
        dimensionValue
        hidden
        reason
        respondents
        responseRate
        values {
          questionKey
          hidden
          reason
          band
          mean
          favourableShare
          answered
        }
      }
    }
  }
`);

export const GetReleaseCommentsDocument = graphql(`
  query GetReleaseComments($releaseId: ID!, $orgUnitId: ID!) {
    releaseComments(releaseId: $releaseId, orgUnitId: $orgUnitId) {
      available
      threshold
      unavailableReason
      comments {
        text
        roundLabel
      }
    }
  }
`);
