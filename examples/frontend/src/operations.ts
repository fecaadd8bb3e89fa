// Every operation the example sends, typed by GraphQL Code Generator from schema/schema.graphql (npm run codegen).
import { graphql } from './gql/index.js';

export const Acknowledge = graphql(`
  mutation Acknowledge($version: String!) {
    acknowledgeRulesOfBehavior(input: { version: $version }) { rulesOfBehavior { acknowledged } errors { code message } }
  }
`);

export const RulesVersion = graphql(`
  query RulesVersion { me { rulesOfBehavior { version acknowledged } } }
`);

export const FeedPage = graphql(`
  query FeedPage($first: Int!, $after: String) {
    irocFeed(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id number title submittedAt originatingOffice ... on Sir { category } }
    }
  }
`);

export const DraftSir = graphql(`
  mutation DraftSir($input: CreateSirInput!) {
    createSir(input: $input) { sir { id version status } errors { code message path } }
  }
`);

export const RequestReview = graphql(`
  mutation RequestReview($id: ID!, $version: Int!) {
    requestReportReview(input: { id: $id, expectedVersion: $version }) { report { id version status } errors { code message path } }
  }
`);

export const Approve = graphql(`
  mutation Approve($id: ID!, $version: Int!) {
    approveReport(input: { id: $id, expectedVersion: $version }) { report { id version status } errors { code message path } }
  }
`);

export const Submit = graphql(`
  mutation Submit($id: ID!, $version: Int!) {
    submitReport(input: { id: $id, expectedVersion: $version }) { report { id version number status } errors { code message path } }
  }
`);

export const Submitted = graphql(`
  subscription Submitted { reportSubmitted { id number title } }
`);
