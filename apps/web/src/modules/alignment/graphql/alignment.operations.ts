import { graphql } from '../../../gql';

export const MySuccessAlignmentFieldsFragment = graphql(`
  fragment MySuccessAlignmentFields on MySuccessAlignment {
    quarter
    mine
    mineUpdatedAt
    shared
    fromManagers {
      authorName
      statements
      updatedAt
    }
  }
`);

export const GetMySuccessAlignmentDocument = graphql(`
  query GetMySuccessAlignment($quarter: String) {
    mySuccessAlignment(quarter: $quarter) {
      ...MySuccessAlignmentFields
    }
  }
`);

export const SaveMySuccessStatementsDocument = graphql(`
  mutation SaveMySuccessStatements($input: SaveMySuccessStatementsInput!) {
    saveMySuccessStatements(input: $input) {
      ...MySuccessAlignmentFields
    }
  }
`);

export const ShareMySuccessStatementsDocument = graphql(`
  mutation ShareMySuccessStatements($input: ShareMySuccessStatementsInput!) {
    shareMySuccessStatements(input: $input) {
      ...MySuccessAlignmentFields
    }
  }
`);

export const ReportSuccessAlignmentFieldsFragment = graphql(`
  fragment ReportSuccessAlignmentFields on ReportSuccessAlignment {
    personId
    displayName
    quarter
    mine
    theirs
  }
`);

export const GetMyReportsSuccessAlignmentDocument = graphql(`
  query GetMyReportsSuccessAlignment($quarter: String) {
    myReportsSuccessAlignment(quarter: $quarter) {
      ...ReportSuccessAlignmentFields
    }
  }
`);

export const SaveReportSuccessStatementsDocument = graphql(`
  mutation SaveReportSuccessStatements($input: SaveReportSuccessStatementsInput!) {
    saveReportSuccessStatements(input: $input) {
      ...ReportSuccessAlignmentFields
    }
  }
`);
