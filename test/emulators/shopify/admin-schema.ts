// The real Shopify Admin GraphQL schema, as the official @shopify/dev-mcp package ships it
// (introspection JSON, gzipped), and the rules Shopify enforces at run time that the type system
// does not show. Those rules are read from the schema's own descriptions, not typed in by hand, so a
// newer schema brings its rules with it.

import { buildClientSchema, isInputObjectType, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const ADMIN_API_VERSION = '2026-10';

export type IdempotencyRule = {
  /** the first API version that accepts `@idempotent(key:)` on this mutation */
  supportedFrom: string;
  /** the first API version that refuses the mutation without it (undefined: never required) */
  requiredFrom?: string | undefined;
};

export type AdminSchema = {
  version: string;
  schema: GraphQLSchema;
  /** mutation name -> its idempotency rule; a mutation not listed does not support the directive */
  idempotency: Map<string, IdempotencyRule>;
  /** input type name -> fields that must be present in the input, even as an explicit null */
  mustBePresent: Map<string, Set<string>>;
};

/** The schema file inside the installed @shopify/dev-mcp (its package exports do not expose data files). */
export function adminSchemaFile(version = ADMIN_API_VERSION): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', '@shopify', 'dev-mcp', 'dist', 'data', `admin_${version}.json.gz`);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error(`The Shopify Admin schema ${version} was not found: run npm install (it comes with the devDependency @shopify/dev-mcp).`);
  }
}

export function readAdminIntrospection(version = ADMIN_API_VERSION): IntrospectionQuery {
  const raw = JSON.parse(gunzipSync(readFileSync(adminSchemaFile(version))).toString('utf8')) as { data: IntrospectionQuery };
  return raw.data;
}

/** API versions are YYYY-MM strings, so they compare as text. */
export function versionAtLeast(version: string, since: string): boolean {
  return version === 'unstable' || version >= since;
}

const SUPPORTED = /As of (?:version )?`?(\d{4}-\d{2})`?, this mutation supports an optional idempotency key using the `@idempotent` directive/;
const REQUIRED = /As of (?:version )?`?(\d{4}-\d{2})`?, the idempotency key is required and must be provided using the `@idempotent` directive/;
const MUST_BE_PRESENT = /This field\s+is\s+mandatory[-:]?\s+you\s+must\s+explicitly\s+pass\s+in\s+a\s+value/;

/** Reads, from each mutation's description, since when it takes and since when it needs `@idempotent`. */
export function idempotencyRules(schema: GraphQLSchema): Map<string, IdempotencyRule> {
  const rules = new Map<string, IdempotencyRule>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const text = (field.description ?? '').replace(/\s+/g, ' ');
    const supported = SUPPORTED.exec(text)?.[1];
    const required = REQUIRED.exec(text)?.[1];
    if (supported || required) rules.set(field.name, { supportedFrom: supported ?? required!, requiredFrom: required });
  }
  return rules;
}

/** Input fields whose description says a value must be passed explicitly, even null (compare-and-set fields). */
export function mustBePresentFields(schema: GraphQLSchema): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!MUST_BE_PRESENT.test((field.description ?? '').replace(/\s+/g, ' '))) continue;
      const set = found.get(type.name) ?? new Set<string>();
      set.add(field.name);
      found.set(type.name, set);
    }
  }
  return found;
}

const cache = new Map<string, AdminSchema>();

/** Builds the schema once per process: unzipping and building it takes most of a second. */
export function loadAdminSchema(version = ADMIN_API_VERSION): AdminSchema {
  let loaded = cache.get(version);
  if (!loaded) {
    const schema = buildClientSchema(readAdminIntrospection(version));
    loaded = { version, schema, idempotency: idempotencyRules(schema), mustBePresent: mustBePresentFields(schema) };
    cache.set(version, loaded);
  }
  return loaded;
}
