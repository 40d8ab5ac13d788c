// Request-level guards that apply to every operation before any resolver runs.
import type { ApolloServerPlugin } from '@apollo/server';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';

/** Tokens a document may have (a huge query costs parse time before any other limit applies). */
export const MAX_TOKENS = 5000;

function containsNul(value: unknown, depth = 0): boolean {
  if (depth > 100) return false; // deeper input is refused by the input types anyway
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
  return false;
}

/** Apollo hands every request of the same operation the same cached document: visit each once. */
const nulInDocument = new WeakMap<DocumentNode, boolean>();

function documentContainsNul(document: DocumentNode): boolean {
  const known = nulInDocument.get(document);
  if (known !== undefined) return known;
  const found = visitForNul(document);
  nulInDocument.set(document, found);
  return found;
}

function visitForNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING](node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

export function requestGuardsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      let tooManyTokens = false;
      return {
        // GraphQL Armor's own token limit throws on plain syntax errors, and Apollo answers any
        // error thrown while parsing with a 500. So the limit is measured here and refused with
        // the other request checks once the operation is resolved (400); syntax errors are left
        // to Apollo's parser, which reports them as the client's mistake.
        async parsingDidStart({ source }) {
          if (source === undefined) return;
          try {
            new MaxTokensParserWLexer(source, { n: MAX_TOKENS, exposeLimits: true, errorMessage: '', onAccept: [], onReject: [], propagateOnRejection: true }).parseDocument();
          } catch (error) {
            // (The lexer may come from another copy of graphql, so its error class is not ours: match the message.)
            if (/Token limit/.test(String((error as Error | undefined)?.message))) tooManyTokens = true;
          }
        },
        // PostgreSQL text cannot hold NUL; no person types one. Refuse it as bad input everywhere.
        async didResolveOperation({ request, document }) {
          if (tooManyTokens) {
            throw new GraphQLError(`Token limit of ${MAX_TOKENS} exceeded.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
          if (containsNul(request.variables) || documentContainsNul(document)) {
            throw new GraphQLError('Text may not contain the NUL character (\\u0000).', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
