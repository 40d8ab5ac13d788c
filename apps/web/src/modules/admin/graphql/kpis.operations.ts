import { graphql } from '../../../gql';

export const KpiFieldsFragment = graphql(`
  fragment KpiFields on Kpi {
    id
    key
    name
    description
    unit
    orgUnitId
    orgUnitPath
  }
`);

export const GetKpisDocument = graphql(`
  query GetKpis {
    kpis {
      ...KpiFields
    }
  }
`);

export const GetKpiObservationsDocument = graphql(`
  query GetKpiObservations($kpiId: ID!) {
    kpiObservations(kpiId: $kpiId) {
      month
      value
    }
  }
`);

export const CreateKpiDocument = graphql(`
  mutation CreateKpi($input: CreateKpiInput!) {
    createKpi(input: $input) {
      ...KpiFields
    }
  }
`);

export const UpdateKpiDocument = graphql(`
  mutation UpdateKpi($input: UpdateKpiInput!) {
    updateKpi(input: $input) {
      ...KpiFields
    }
  }
`);

export const DeleteKpiDocument = graphql(`
  mutation DeleteKpi($id: ID!) {
    deleteKpi(id: $id)
  }
`);

export const RecordKpiObservationsDocument = graphql(`
  mutation RecordKpiObservations($input: RecordKpiObservationsInput!) {
    recordKpiObservations(input: $input) {
      month
      value
    }
  }
`);

export const ImportKpiObservationsDocument = graphql(`
  mutation ImportKpiObservations($csv: String!) {
    importKpiObservations(csv: $csv) {
      ok
      rowsRead
      observationsWritten
      errors {
        row
        column
        message
      }
    }
  }
`);
