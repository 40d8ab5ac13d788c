// Builds a callable document for every root field of the committed schema, with
// placeholder values for its arguments. Schema-walking tests (deny by default,
// cross-tenant access, fuzzing) use it so that a new field is covered the day it lands.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema.gql');

export function committedSchema(): GraphQLSchema {
  return buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
}

export interface RootOperation {
  kind: 'query' | 'mutation';
  field: string;
  document: string;
  variables: Record<string, unknown>;
  /** Paths of ID-typed values in `variables` (e.g. ["id"], ["input","tenantId"]). */
  idPaths: string[][];
}

// Names of Pulsewise ids. `clientId` (an identity provider's OIDC client identifier) is a
// string the admin types, not one of our ids.
const ID_LIKE = { test: (name: string) => /(^id$|Id$)/.test(name) && name !== 'clientId' };

/** Valid values for fields whose validation would otherwise refuse a placeholder before the id is ever looked at. */
export const REALISTIC_VALUES: Record<string, unknown> = {
  questionKeys: ['energy', 'breaks', 'workload'],
  questionsPerRound: 3,
  openDays: 5,
  name: 'Placeholder name',
  clientId: 'placeholder-client',
  displayName: 'Placeholder Person',
  email: 'placeholder@example.test',
  slug: 'placeholder-slug',
  key: 'placeholder_key',
  text: 'Placeholder text',
  password: 'placeholder password 123',
  month: '2026-01',
  quarter: '2026-Q1',
  statements: ['Placeholder statement'],
};

export function placeholder(type: GraphQLInputType, ids: (name: string) => string, name: string, idPaths: string[][], at: string[]): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (name in REALISTIC_VALUES && !ID_LIKE.test(name)) return REALISTIC_VALUES[name];
  if (isListType(inner)) return [placeholder(inner.ofType as GraphQLInputType, ids, name, idPaths, [...at, '0'])];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const value: Record<string, unknown> = {};
    for (const f of Object.values(inner.getFields())) {
      if (isNonNullType(f.type) || ID_LIKE.test(f.name)) value[f.name] = placeholder(f.type, ids, f.name, idPaths, [...at, f.name]);
    }
    return value;
  }
  if (isScalarType(inner)) {
    if (inner.name === 'ID' || ID_LIKE.test(name)) {
      idPaths.push(at);
      return ids(name);
    }
    switch (inner.name) {
      case 'Int': return 1;
      case 'Float': return 1.5;
      case 'Boolean': return true;
      case 'DateTime': return '2026-01-01T00:00:00.000Z';
      default: return 'x';
    }
  }
  return null;
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
}

export function rootOperations(schema: GraphQLSchema, ids: (name: string) => string = () => '00000000-0000-4000-8000-000000000000'): RootOperation[] {
  const ops: RootOperation[] = [];
  for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const variables: Record<string, unknown> = {};
      const idPaths: string[][] = [];
      for (const arg of field.args) {
        if (isNonNullType(arg.type) || ID_LIKE.test(arg.name)) variables[arg.name] = placeholder(arg.type, ids, arg.name, idPaths, [arg.name]);
      }
      const defs = field.args.filter((a) => a.name in variables).map((a) => `$${a.name}: ${a.type.toString()}`);
      const args = field.args.filter((a) => a.name in variables).map((a) => `${a.name}: $${a.name}`);
      const document = `${kind} Op${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection(field)} }`;
      ops.push({ kind, field: field.name, document, variables, idPaths });
    }
  }
  return ops;
}
