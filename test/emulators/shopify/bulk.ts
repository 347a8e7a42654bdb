// Bulk operations: `bulkOperationRunQuery` takes a query as a string, checks it against the schema and
// Shopify's bulk rules (one top-level connection, at most five connections, nested ones at most two
// deep, a parent of a nested connection selects `id`), runs it in the background over every row, and
// publishes the result as JSONL: one object per line, connections taken out of their parent and
// written as their own lines carrying `__parentId`.

import {
  executeSync, getNamedType, Kind, parse, validate,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLFieldResolver,
  type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';
import { isConnectionType } from './query-cost';
import type { ShopState } from './shop-state';
import { queryRoot, type BulkOperationRec, type ViewContext } from './views';

export const MAX_BULK_CONNECTIONS = 5;
export const MAX_CONCURRENT_BULK_QUERIES = 5;

type Fields = Map<string, FieldNode>;

function collectFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, into: Fields = new Map()): Fields {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) into.set(sel.alias?.value ?? sel.name.value, sel);
    else if (sel.kind === Kind.INLINE_FRAGMENT) collectFields(sel.selectionSet, fragments, into);
    else {
      const f = fragments.get(sel.name.value);
      if (f) collectFields(f.selectionSet, fragments, into);
    }
  }
  return into;
}

function fieldType(parent: GraphQLCompositeType, name: string) {
  const def = 'getFields' in parent ? parent.getFields()[name] : undefined;
  return def ? getNamedType(def.type) : undefined;
}

/** The node selection of a connection field (nodes {…} or edges { node {…} }). */
function nodeSelection(field: FieldNode, fragments: Map<string, FragmentDefinitionNode>): { key: 'nodes' | 'edges'; set: SelectionSetNode; nodeKey: string } | null {
  const inner = collectFields(field.selectionSet!, fragments);
  for (const [key, f] of inner) {
    if (f.name.value === 'nodes' && f.selectionSet) return { key: 'nodes', set: f.selectionSet, nodeKey: key };
    if (f.name.value === 'edges' && f.selectionSet) {
      for (const [nk, n] of collectFields(f.selectionSet, fragments)) if (n.name.value === 'node' && n.selectionSet) return { key: 'edges', set: n.selectionSet, nodeKey: `${key}.${nk}` };
    }
  }
  return null;
}

/** Checks Shopify's bulk query rules; returns the problems in words. */
export function bulkQueryProblems(schema: GraphQLSchema, doc: DocumentNode): string[] {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (ops.length !== 1 || ops[0]!.operation !== 'query') return ['A bulk query must be exactly one query operation.'];
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root = schema.getQueryType()!;
  const top = [...collectFields(ops[0]!.selectionSet, fragments).values()];
  const problems: string[] = [];
  if (top.length !== 1 || !isConnectionType(fieldType(root, top[0]!.name.value))) problems.push('Bulk queries must contain exactly one top-level field, and it must be a connection.');
  let connections = 0;
  const walk = (set: SelectionSetNode, type: GraphQLCompositeType, depth: number) => {
    const fields = collectFields(set, fragments);
    for (const f of fields.values()) {
      const t = fieldType(type, f.name.value);
      if (!t || !f.selectionSet) continue;
      if (isConnectionType(t)) {
        connections++;
        if (depth >= 2) problems.push(`Bulk queries cannot contain connections nested more than two levels deep (${f.name.value}).`);
        if (depth >= 1 && ![...fields.values()].some((x) => x.name.value === 'id')) problems.push(`The parent of the nested connection ${f.name.value} must select the field id.`);
        const ns = nodeSelection(f, fragments);
        if (ns) walk(ns.set, fieldType(t, 'nodes') as GraphQLCompositeType, depth + 1);
      } else if ('getFields' in t) walk(f.selectionSet, t as GraphQLCompositeType, depth);
    }
  };
  walk(ops[0]!.selectionSet, root, 0);
  if (connections > MAX_BULK_CONNECTIONS) problems.push(`Bulk queries cannot contain more than ${MAX_BULK_CONNECTIONS} connections.`);
  return problems;
}

/** Turns the executed result into Shopify's JSONL lines. */
export function toJsonl(schema: GraphQLSchema, doc: DocumentNode, data: Record<string, unknown>): { lines: string[]; roots: number } {
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const lines: string[] = [];
  const emitConnection = (value: unknown, field: FieldNode, type: GraphQLObjectType, parentId: unknown) => {
    const ns = nodeSelection(field, fragments);
    if (!ns || !value) return 0;
    const conn = value as Record<string, unknown>;
    const [outer, inner] = ns.nodeKey.split('.');
    const nodes = ns.key === 'nodes' ? (conn[outer!] as unknown[]) : ((conn[outer!] as Array<Record<string, unknown>>) ?? []).map((e) => e[inner!]);
    const nodeType = fieldType(type, 'nodes') as GraphQLCompositeType;
    for (const node of nodes ?? []) emitObject(node as Record<string, unknown>, ns.set, nodeType, parentId);
    return nodes?.length ?? 0;
  };
  const emitObject = (obj: Record<string, unknown>, set: SelectionSetNode, type: GraphQLCompositeType, parentId: unknown) => {
    const fields = collectFields(set, fragments);
    const line: Record<string, unknown> = {};
    const children: Array<[unknown, FieldNode, GraphQLObjectType]> = [];
    for (const [key, value] of Object.entries(obj)) {
      const f = fields.get(key);
      const t = f ? fieldType(type, f.name.value) : undefined;
      if (f && isConnectionType(t)) children.push([value, f, t]);
      else line[key] = value;
    }
    if (parentId !== undefined) line.__parentId = parentId;
    lines.push(JSON.stringify(line));
    for (const [value, f, t] of children) emitConnection(value, f, t, obj.id);
  };
  const top = [...collectFields(op.selectionSet, fragments).entries()][0]!;
  const roots = emitConnection(data[top[0]], top[1], fieldType(schema.getQueryType()!, top[1].name.value) as GraphQLObjectType, undefined);
  return { lines, roots };
}

export type BulkRunner = ReturnType<typeof createBulkRunner>;

export function createBulkRunner(opts: {
  schema: GraphQLSchema; state: ShopState; ops: Map<number, BulkOperationRec>; files: Map<number, Buffer>;
  fileUrl: (id: number) => string; fieldResolver: GraphQLFieldResolver<unknown, unknown>; delayMs: () => number;
}) {
  const { schema, state, ops, files } = opts;
  const timers = new Set<NodeJS.Timeout>();

  function finish(op: BulkOperationRec, doc: DocumentNode) {
    op.status = 'RUNNING';
    const ctx: ViewContext = { state, bulk: true, searchWarnings: [], bulkOps: ops };
    const result = executeSync({ schema, document: doc, rootValue: queryRoot(ctx), contextValue: ctx, fieldResolver: opts.fieldResolver });
    if (result.errors?.length || !result.data) {
      op.status = 'FAILED';
      op.errorCode = 'INTERNAL_SERVER_ERROR';
      op.completedAt = state.stamp();
      return;
    }
    const { lines, roots } = toJsonl(schema, doc, result.data as Record<string, unknown>);
    const body = Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8');
    files.set(op.id, body);
    op.objectCount = lines.length;
    op.rootObjectCount = roots;
    op.fileSize = body.length;
    // Shopify gives no URL when a bulk query finds nothing
    op.url = lines.length ? opts.fileUrl(op.id) : null;
    op.status = 'COMPLETED';
    op.completedAt = state.stamp();
  }

  function run(query: string): { op: BulkOperationRec | null; userErrors: Array<{ field: string[]; message: string; code: string }> } {
    const invalid = (message: string) => ({ op: null, userErrors: [{ field: ['query'], message, code: 'INVALID' }] });
    let doc: DocumentNode;
    try {
      doc = parse(query);
    } catch (err) {
      return invalid(`Invalid bulk query: ${(err as Error).message}`);
    }
    const problems = [...validate(schema, doc).map((e) => e.message), ...bulkQueryProblems(schema, doc)];
    if (problems.length) return invalid(`Invalid bulk query: ${problems.join(' ')}`);
    const running = [...ops.values()].filter((o) => o.status === 'CREATED' || o.status === 'RUNNING').length;
    if (running >= MAX_CONCURRENT_BULK_QUERIES) return { op: null, userErrors: [{ field: ['query'], message: `A shop can run at most ${MAX_CONCURRENT_BULK_QUERIES} bulk queries at a time.`, code: 'LIMIT_REACHED' }] };
    const op: BulkOperationRec = { id: state.newId(), status: 'CREATED', errorCode: null, query, createdAt: state.stamp(), completedAt: null, objectCount: 0, rootObjectCount: 0, fileSize: null, url: null };
    ops.set(op.id, op);
    const timer = setTimeout(() => { timers.delete(timer); finish(op, doc); }, opts.delayMs());
    timers.add(timer);
    return { op, userErrors: [] };
  }

  function stop() {
    for (const t of timers) clearTimeout(t);
    timers.clear();
  }

  return { run, stop };
}
