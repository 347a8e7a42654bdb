// Shopify's calculated query cost, as the Admin API rate-limit page publishes it:
//   scalars and enums 0; an object 1; an interface or union the dearest of its possible selections;
//   a connection 2 plus, for each of `first` (or `last`) nodes, the cost of one node;
//   a mutation 10, whatever it selects. A query may cost at most 1000.
// The requested cost is computed before running (connections sized by their arguments); the actual
// cost counts what the answer really held. The same rules, written as a plan with variables left
// open, let the app know a document's price before it sends it.

import {
  getNamedType, getNullableType, isAbstractType, isListType, isObjectType, Kind,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField,
  type GraphQLObjectType, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, type ValueNode,
} from 'graphql';
import { planCost, type CostPlan, type PlanSize } from '../../../electron/core/sync/channels/shopify/cost-plan';

export const MAX_QUERY_COST = 1000;
export const MUTATION_COST = 10;
export const CONNECTION_COST = 2;

export type { CostPlan, PlanSize } from '../../../electron/core/sync/channels/shopify/cost-plan';

export class CostRuleError extends Error {}

const empty = (): CostPlan => ({ fixed: 0, sized: [], oneOf: [] });

export function isConnectionType(type: unknown): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith('Connection') && 'pageInfo' in type.getFields() && ('nodes' in type.getFields() || 'edges' in type.getFields());
}

function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  if (!op) throw new CostRuleError(`No operation${operationName ? ` named ${operationName}` : ''} in the document.`);
  return op;
}

function literalInt(node: ValueNode | undefined): number | undefined {
  return node?.kind === Kind.INT ? Number(node.value) : undefined;
}

function sizeOf(field: FieldNode, op: OperationDefinitionNode, listArgument: 'first' | 'names' = 'first'): PlanSize | undefined {
  for (const name of listArgument === 'names' ? ['names'] : ['first', 'last']) {
    const arg = field.arguments?.find((a) => a.name.value === name);
    if (!arg) continue;
    if (arg.value.kind === Kind.LIST) return arg.value.values.length;
    if (arg.value.kind === Kind.VARIABLE) {
      const variable = arg.value.name.value;
      const def = op.variableDefinitions?.find((v) => v.variable.name.value === variable);
      return { variable, default: literalInt(def?.defaultValue) };
    }
    const n = literalInt(arg.value);
    if (n !== undefined) return n;
  }
  return undefined;
}

type Walk = { schema: GraphQLSchema; op: OperationDefinitionNode; fragments: Map<string, FragmentDefinitionNode>; bulk: boolean };

function add(into: CostPlan, part: CostPlan): void {
  into.fixed += part.fixed;
  into.sized.push(...part.sized);
  if (part.oneOf.length) into.oneOf.push(...part.oneOf);
}

/** The plan for one node of a connection: the node object itself plus what is selected on it. */
function connectionNodePlan(w: Walk, connection: GraphQLObjectType, field: FieldNode): CostPlan {
  const branches: CostPlan[] = [];
  for (const sel of field.selectionSet?.selections ?? []) {
    if (sel.kind !== Kind.FIELD) continue;
    if (sel.name.value === 'nodes' && sel.selectionSet) {
      const nodeType = getNamedType(connection.getFields().nodes!.type) as GraphQLCompositeType;
      branches.push(objectPlan(w, nodeType, sel.selectionSet));
    }
    if (sel.name.value === 'edges') {
      const edgeType = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      for (const inner of sel.selectionSet?.selections ?? []) {
        if (inner.kind === Kind.FIELD && inner.name.value === 'node' && inner.selectionSet) {
          branches.push(objectPlan(w, getNamedType(edgeType.getFields().node!.type) as GraphQLCompositeType, inner.selectionSet));
        }
      }
    }
  }
  if (!branches.length) return empty();
  if (branches.length === 1) return branches[0]!;
  return { fixed: 0, sized: [], oneOf: branches };
}

function fieldPlan(w: Walk, parent: GraphQLCompositeType, field: FieldNode): CostPlan {
  const name = field.name.value;
  if (name.startsWith('__')) return empty();
  const def: GraphQLField<unknown, unknown> | undefined = isObjectType(parent) || 'getFields' in parent ? (parent as GraphQLObjectType).getFields()[name] : undefined;
  if (!def) return empty();
  const named = getNamedType(def.type);
  if (!isObjectType(named) && !isAbstractType(named)) return empty();
  const plan = empty();
  if (isConnectionType(named)) {
    const size = sizeOf(field, w.op);
    if (size === undefined && !w.bulk) throw new CostRuleError(`you must provide one of first or last (field ${name})`);
    plan.fixed += CONNECTION_COST;
    plan.sized.push({ size: size ?? 0, each: connectionNodePlan(w, named, field) });
    return plan;
  }
  const inner = field.selectionSet ? objectPlan(w, named, field.selectionSet) : empty();
  if (isListType(getNullableType(def.type))) {
    const size = sizeOf(field, w.op, def.args.some((a) => a.name === 'names') ? 'names' : 'first') ?? 1;
    plan.sized.push({ size, each: inner });
    return plan;
  }
  add(plan, inner);
  return plan;
}

/** One object: 1 for itself plus its selection; on an interface, the dearest of the fragments. */
function objectPlan(w: Walk, type: GraphQLCompositeType, set: SelectionSetNode): CostPlan {
  const plan = selectionPlan(w, type, set);
  plan.fixed += 1;
  return plan;
}

function selectionPlan(w: Walk, type: GraphQLCompositeType, set: SelectionSetNode): CostPlan {
  const plan = empty();
  const fragments: CostPlan[] = [];
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) add(plan, fieldPlan(w, type, sel));
    else {
      const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? w.fragments.get(sel.name.value) : sel;
      if (!fragment) continue;
      const on = fragment.typeCondition ? (w.schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType) : type;
      const part = selectionPlan(w, on ?? type, fragment.selectionSet);
      // a fragment on the parent's own type always applies; one on a narrower type competes with its siblings
      if (!fragment.typeCondition || on === type) add(plan, part);
      else fragments.push(part);
    }
  }
  if (fragments.length === 1) add(plan, fragments[0]!);
  else if (fragments.length > 1) plan.oneOf.push(...fragments);
  return plan;
}

/**
 * The cost plan of an operation. Mutations cost 10 per root field whatever they select. `bulk`
 * relaxes the rule that every connection names a page size (a bulk query pages by itself).
 */
export function costPlan(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, bulk = false): CostPlan {
  const op = operationOf(document, operationName);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  if (op.operation === 'mutation') {
    const roots = op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && !s.name.value.startsWith('__')).length;
    return { fixed: MUTATION_COST * roots, sized: [], oneOf: [] };
  }
  const root = op.operation === 'query' ? schema.getQueryType() : schema.getSubscriptionType();
  if (!root) throw new CostRuleError(`The schema has no ${op.operation} root.`);
  return selectionPlan({ schema, op, fragments, bulk }, root, op.selectionSet);
}

export function requestedCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {}): number {
  return planCost(costPlan(schema, document, operationName), variables);
}
