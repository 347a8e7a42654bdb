// One Admin GraphQL request, the way Shopify answers it: the access token is checked, the document is
// parsed and validated against the real schema (errors worded as Shopify's graphql-ruby words them),
// Shopify's run-time rules are applied (page sizes on connections, @idempotent where a mutation needs
// or refuses it, compare-and-set fields that must be passed even as null), the query is priced and
// paid from the leaky bucket (THROTTLED when it cannot be), executed on plain data, and answered with
// `extensions.cost`. Repeating an idempotency key returns the first result without applying again.

import {
  executeSync, getNamedType, getNullableType, GraphQLError, isAbstractType, isEnumType, isInputObjectType, isListType,
  isObjectType, Kind, parse, validate, visit,
  type DirectiveNode, type DocumentNode, type GraphQLFieldResolver, type GraphQLInputType, type GraphQLObjectType, type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import type { AdminSchema } from './admin-schema';
import { versionAtLeast } from './admin-schema';
import type { BulkRunner } from './bulk';
import { CursorError } from './connection';
import type { LeakyBucket } from './leaky-bucket';
import { createMutations } from './mutations';
import { planCost } from '../../../electron/core/sync/channels/shopify/cost-plan';
import { costPlan, CostRuleError, isConnectionType, MAX_QUERY_COST, MUTATION_COST } from './query-cost';
import { SearchSyntaxError, type SearchWarning } from './search-syntax';
import type { ShopState } from './shop-state';
import { bulkOperationView, queryRoot, ViewError, type BulkOperationRec, type ViewContext } from './views';

export type GraphQLReply = { status: number; headers: Record<string, string>; body: string; throttled?: boolean; mutations?: string[] };

export type EndpointStats = {
  requests: number; throttled: number; pointsRequested: number; pointsSpent: number;
  refusedDocuments: number; idempotentReplays: number; byOperation: Map<string, number>;
};

type IdempotencyRecord = { argsHash: string; payload: unknown; failed: boolean };

type ExecContext = ViewContext & { actual: number; mutationFields: string[]; variables: Record<string, unknown> };

/** Shopify answers with graphql-ruby's wording; graphql-js words the same checks differently. */
export function shopifyStyleError(err: GraphQLError): Record<string, unknown> {
  const base = { locations: err.locations };
  let m = /^Cannot query field "([^"]+)" on type "([^"]+)"\./.exec(err.message);
  if (m) return { message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`, ...base, extensions: { code: 'undefinedField', typeName: m[2], fieldName: m[1] } };
  m = /^Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"\./.exec(err.message);
  if (m) return { message: `Field '${m[3]}' doesn't accept argument '${m[1]}'`, ...base, extensions: { code: 'argumentNotAccepted', name: m[3], typeName: 'Field', argumentName: m[1] } };
  m = /^Field "([^"]+)" argument "([^"]+)" of type "[^"]+" is required, but it was not provided\./.exec(err.message);
  if (m) return { message: `Field '${m[1]}' is missing required arguments: ${m[2]}`, ...base, extensions: { code: 'missingRequiredArguments', className: 'Field', name: m[1], arguments: m[2] } };
  m = /^Unknown type "([^"]+)"\./.exec(err.message);
  if (m) return { message: `No such type ${m[1]}, so it can't be a fragment condition`, ...base, extensions: { code: 'undefinedType', typeName: m[1] } };
  return { message: err.message, ...base };
}

const json = (status: number, payload: unknown, extra: Record<string, string> = {}): GraphQLReply => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8', ...extra }, body: JSON.stringify(payload),
});

function directiveKey(d: DirectiveNode | undefined, variables: Record<string, unknown>): string | null | undefined {
  if (!d) return undefined;
  const arg = d.arguments?.find((a) => a.name.value === 'key');
  if (!arg) return null;
  if (arg.value.kind === Kind.STRING) return arg.value.value;
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === 'string' ? v : null;
  }
  return null;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** Paths of input fields the schema says must be passed explicitly (even as null) but were left out. */
function missingExplicitFields(rules: Map<string, Set<string>>, type: GraphQLInputType, value: unknown, path: string[], out: string[][]): void {
  const t = getNullableType(type) as GraphQLInputType;
  if (value === null || value === undefined) return;
  if (isListType(t)) {
    (value as unknown[]).forEach((item, i) => missingExplicitFields(rules, t.ofType, item, [...path, String(i)], out));
    return;
  }
  if (!isInputObjectType(t)) return;
  const obj = value as Record<string, unknown>;
  for (const name of rules.get(t.name) ?? []) if (!(name in obj)) out.push([...path, name]);
  for (const [name, field] of Object.entries(t.getFields())) if (name in obj) missingExplicitFields(rules, field.type, obj[name], [...path, name], out);
}

export function createGraphQLEndpoint(opts: {
  admin: (version: string) => AdminSchema | null; state: ShopState; accessToken: string; bucket: LeakyBucket;
  bulk: BulkRunner; bulkOps: Map<number, BulkOperationRec>; stats: EndpointStats;
}) {
  const { state, bucket, stats } = opts;
  const idempotency = new Map<string, IdempotencyRecord>();
  const mutationsBySchema = new WeakMap<object, ReturnType<typeof createMutations>>();

  /** Reads fields from view objects; a field no view names is an error in words, not a silent null. */
  const fieldResolver: GraphQLFieldResolver<unknown, ExecContext> = (source, args, ctx, info) => {
    if (source === null || source === undefined) return null;
    const raw = (source as Record<string, unknown>)[info.fieldName];
    let value: unknown;
    try {
      value = typeof raw === 'function' ? (raw as (a: unknown, c: unknown, i: unknown) => unknown)(args, ctx, info) : raw;
    } catch (err) {
      if (err instanceof ViewError || err instanceof CursorError || err instanceof SearchSyntaxError) throw new GraphQLError(err.message);
      throw err;
    }
    if (value === undefined) throw new GraphQLError(`The Shopify emulator does not model ${info.parentType.name}.${info.fieldName}; add it to test/emulators/shopify/views.ts if the app needs it.`);
    if (ctx?.actual !== undefined) charge(ctx, info, value);
    return value;
  };

  /** Actual cost, counted as the answer is built: the same rules as the requested cost, on real sizes. */
  function charge(ctx: ExecContext, info: GraphQLResolveInfo, value: unknown) {
    if (info.operation.operation === 'mutation') return;
    if (value === null) return;
    const named = getNamedType(info.returnType);
    if (!isObjectType(named) && !isAbstractType(named)) return;
    if (isConnectionType(info.parentType) && info.fieldName !== 'nodes') return; // edges and pageInfo are part of the connection's 2
    if (isConnectionType(named)) { ctx.actual += 2; return; }
    if (Array.isArray(value)) ctx.actual += value.filter((v) => v !== null).length;
    else ctx.actual += 1;
  }

  function mutationRoot(admin: AdminSchema, ctx: ExecContext) {
    let mutations = mutationsBySchema.get(admin.schema);
    if (!mutations) { mutations = createMutations(admin.schema); mutationsBySchema.set(admin.schema, mutations); }
    const root: Record<string, unknown> = {};
    const mutationType = admin.schema.getMutationType()!;
    const run = (name: string, args: Record<string, unknown>, info: GraphQLResolveInfo): unknown => {
      ctx.actual += MUTATION_COST;
      const key = directiveKey(info.fieldNodes[0]!.directives?.find((d) => d.name.value === 'idempotent'), ctx.variables) ?? null;
      const payloadType = getNamedType(mutationType.getFields()[name]!.type) as GraphQLObjectType;
      const missing: string[][] = [];
      for (const arg of mutationType.getFields()[name]!.args) missingExplicitFields(admin.mustBePresent, arg.type, args[arg.name], [arg.name], missing);
      if (missing.length) {
        const codeType = getNamedType(((getNamedType(payloadType.getFields().userErrors?.type) as GraphQLObjectType | undefined)?.getFields().code?.type) ?? payloadType);
        const code = isEnumType(codeType) && codeType.getValue('COMPARE_QUANTITY_REQUIRED') ? 'COMPARE_QUANTITY_REQUIRED' : null;
        const nulls = Object.fromEntries(Object.keys(payloadType.getFields()).filter((f) => f !== 'userErrors').map((f) => [f, null]));
        return { ...nulls, userErrors: missing.map((field) => ({ field, code, message: `${field.at(-1)} must be passed explicitly, even as null (null skips the compare-and-set check).` })) };
      }
      const argsHash = createHash('sha256').update(canonical(args)).digest('hex');
      const recordKey = key ? `${name}:${key}` : null;
      const previous = recordKey ? idempotency.get(recordKey) : undefined;
      if (previous) {
        stats.idempotentReplays++;
        const userErrorCodes = getNamedType(((getNamedType(payloadType.getFields().userErrors?.type) as GraphQLObjectType | undefined)?.getFields().code?.type) ?? payloadType);
        const refusal = (code: string, fallback: string) => {
          const nulls = Object.fromEntries(Object.keys(payloadType.getFields()).filter((f) => f !== 'userErrors').map((f) => [f, null]));
          const message = isEnumType(userErrorCodes) ? (userErrorCodes.getValue(code)?.description ?? fallback).replace(/\s+/g, ' ') : fallback;
          return { ...nulls, userErrors: [{ field: null, code: isEnumType(userErrorCodes) && userErrorCodes.getValue(code) ? code : null, message }] };
        };
        if (previous.argsHash !== argsHash) return refusal('IDEMPOTENCY_KEY_PARAMETER_MISMATCH', 'The same idempotency key cannot be used with different operation parameters.');
        if (previous.failed) return refusal('IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED', 'A previous request with this idempotency key failed. Retry with a new idempotency key.');
        return previous.payload;
      }
      let payload: unknown;
      if (name === 'bulkOperationRunQuery') {
        const { op, userErrors } = opts.bulk.run(String(args.query));
        payload = { bulkOperation: op ? bulkOperationView(op) : null, userErrors };
      } else {
        const fn = mutations[name];
        if (!fn) throw new GraphQLError(`The Shopify emulator does not model the mutation ${name}; add it to test/emulators/shopify/mutations.ts if the app needs it.`);
        payload = fn({ args, ctx, idempotencyKey: key, variables: ctx.variables });
      }
      ctx.mutationFields.push(name);
      if (recordKey) {
        const failed = Array.isArray((payload as { userErrors?: unknown[] }).userErrors) && (payload as { userErrors: unknown[] }).userErrors.length > 0;
        idempotency.set(recordKey, { argsHash, payload, failed });
      }
      return payload;
    };
    for (const name of Object.keys(mutationType.getFields())) root[name] = (args: Record<string, unknown>, _c: unknown, info: GraphQLResolveInfo) => run(name, args, info);
    return root;
  }

  /** Shopify's rules about @idempotent: where it may stand, which mutations need it, what a key may be. */
  function idempotencyProblems(admin: AdminSchema, op: OperationDefinitionNode, doc: DocumentNode, variables: Record<string, unknown>): GraphQLError[] {
    const problems: GraphQLError[] = [];
    const rootFields = new Set<unknown>(op.operation === 'mutation' ? op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD) : []);
    visit(doc, {
      Field(node) {
        if (node.directives?.some((d) => d.name.value === 'idempotent') && !rootFields.has(node)) {
          problems.push(new GraphQLError(`The @idempotent directive can only be used on a mutation field that supports it, not on ${node.name.value}.`, { nodes: node, extensions: { code: 'BAD_REQUEST' } }));
        }
      },
    });
    for (const field of op.operation === 'mutation' ? op.selectionSet.selections : []) {
      if (field.kind !== Kind.FIELD) continue;
      const name = field.name.value;
      const rule = admin.idempotency.get(name);
      const directive = field.directives?.find((d) => d.name.value === 'idempotent');
      const key = directiveKey(directive, variables);
      if (directive && (!rule || !versionAtLeast(admin.version, rule.supportedFrom))) {
        problems.push(new GraphQLError(`The @idempotent directive is not supported on the mutation ${name} in API version ${admin.version}.`, { nodes: directive, path: [name], extensions: { code: 'BAD_REQUEST' } }));
      } else if (!directive && rule?.requiredFrom && versionAtLeast(admin.version, rule.requiredFrom)) {
        problems.push(new GraphQLError(`The @idempotent directive is required for the mutation ${name} from API version ${rule.requiredFrom}: add @idempotent(key: "<a unique key per operation>").`, { nodes: field, path: [name], extensions: { code: 'BAD_REQUEST' } }));
      } else if (directive && (key === null || !key?.trim())) {
        problems.push(new GraphQLError('The idempotency key cannot be an empty string or whitespace only.', { nodes: directive, path: [name], extensions: { code: 'BAD_REQUEST' } }));
      }
    }
    return problems;
  }

  function handle(input: { version: string; token: string | undefined; body: string }): GraphQLReply {
    stats.requests++;
    if (input.token !== opts.accessToken) {
      return json(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
    }
    const admin = opts.admin(input.version);
    if (!admin) return json(404, { errors: 'Not Found' });
    const versionHeader = { 'x-shopify-api-version': admin.version };
    const cost = (requested: number, actual: number | null) => ({ cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status() } });
    const refuse = (errors: unknown[]) => { stats.refusedDocuments++; return json(200, { errors, extensions: cost(0, 0) }, versionHeader); };

    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(input.body) as typeof request;
    } catch {
      return json(400, { errors: 'Bad Request: the body is not JSON.' }, versionHeader);
    }
    if (typeof request?.query !== 'string') return refuse([{ message: 'No query string was present' }]);
    let doc: DocumentNode;
    try {
      doc = parse(request.query);
    } catch (err) {
      const e = err as GraphQLError;
      return refuse([{ message: e.message.replace(/^Syntax Error: /, 'Parse error: '), locations: e.locations }]);
    }
    const validationErrors = validate(admin.schema, doc);
    if (validationErrors.length) return refuse(validationErrors.map(shopifyStyleError));

    const operationName = typeof request.operationName === 'string' ? request.operationName : null;
    const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
    if (!op) return refuse([{ message: operationName ? `No operation named "${operationName}"` : 'An operation name is required when the document has several operations.' }]);
    const variables = (request.variables && typeof request.variables === 'object' ? request.variables : {}) as Record<string, unknown>;

    const idem = idempotencyProblems(admin, op, doc, variables);
    if (idem.length) return refuse(idem.map((e) => e.toJSON()));

    let requested: number;
    try {
      requested = planCost(costPlan(admin.schema, doc, op.name?.value), variables);
    } catch (err) {
      if (err instanceof CostRuleError) return refuse([{ message: err.message }]);
      throw err;
    }
    if (requested > MAX_QUERY_COST) {
      stats.refusedDocuments++;
      return json(200, {
        errors: [{ message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n`, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: MAX_QUERY_COST, documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
        extensions: cost(requested, null),
      }, versionHeader);
    }
    if (!bucket.take(requested)) {
      stats.throttled++;
      return { ...json(200, { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }], extensions: cost(requested, null) }, versionHeader), throttled: true };
    }
    const searchWarnings: SearchWarning[] = [];
    const ctx: ExecContext = { state, bulk: false, searchWarnings, bulkOps: opts.bulkOps, actual: 0, mutationFields: [], variables };
    const rootValue = op.operation === 'mutation' ? mutationRoot(admin, ctx) : queryRoot(ctx);
    const result = executeSync({ schema: admin.schema, document: doc, rootValue, contextValue: ctx, variableValues: variables, operationName: op.name?.value ?? null, fieldResolver: fieldResolver as GraphQLFieldResolver<unknown, unknown> });
    // variables the schema could not coerce fail before anything runs: nothing was spent
    const actual = result.data === undefined ? 0 : ctx.actual;
    bucket.giveBack(requested - actual);
    stats.pointsRequested += requested;
    stats.pointsSpent += actual;
    const label = op.name?.value ?? op.operation;
    stats.byOperation.set(label, (stats.byOperation.get(label) ?? 0) + 1);
    const extensions: Record<string, unknown> = cost(requested, actual);
    if (searchWarnings.length) extensions.search = [{ warnings: searchWarnings }];
    const body: Record<string, unknown> = {};
    if (result.errors?.length) body.errors = result.errors.map((e) => e.toJSON());
    if (result.data !== undefined) body.data = result.data;
    body.extensions = extensions;
    return { ...json(200, body, versionHeader), mutations: ctx.mutationFields };
  }

  return { handle, fieldResolver: fieldResolver as GraphQLFieldResolver<unknown, unknown>, idempotency };
}

export function newEndpointStats(): EndpointStats {
  return { requests: 0, throttled: 0, pointsRequested: 0, pointsSpent: 0, refusedDocuments: 0, idempotentReplays: 0, byOperation: new Map() };
}
