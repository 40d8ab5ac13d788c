import { graphql } from '../../../gql';

export const GetPulseDocument = graphql(`
  query GetPulse($token: String!) {
    pulse(token: $token) {
      organizationName
      state
      closesAt
      anonymityThreshold
      countsIn
      notCountedReason
      questions {
        id
        text
        type
        min
        max
      }
    }
  }
`);

export const SubmitPulseDocument = graphql(`
  mutation SubmitPulse($token: String!, $answers: [PulseAnswerInput!]!) {
    submitPulse(token: $token, answers: $answers) {
      received
      message
    }
  }
`);
