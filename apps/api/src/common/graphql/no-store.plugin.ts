// Every GraphQL response holds one signed-in person's or one tenant's data (or a refusal): no
// browser or proxy cache may keep it. Apollo's cache-control plugin said so with `no-store`;
// it is turned off (app.module.ts) because it wraps every field's resolver to gather cache hints
// this API never gives — about 5 % of the API's CPU on a large read (bench/README.md, finding 2).
import type { ApolloServerPlugin } from '@apollo/server';

export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}
