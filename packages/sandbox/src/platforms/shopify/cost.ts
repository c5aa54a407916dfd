import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  getNamedType,
  getNullableType,
  isCompositeType,
  isLeafType,
  isListType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import { adminSchema } from "./schema.ts";

/**
 * Shopify's calculated query cost, as documented: scalars and enums cost 0,
 * an object 1, a connection 2 plus `first` (or `last`) times the cost of one
 * node, an abstract type the most expensive of its possible selections, a
 * mutation 10. The requested cost is estimated from the query before it runs;
 * the actual cost is counted from what it returned.
 */

export const maxQueryCost = 1000;
const mutationCost = 10;

interface Walk {
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

const isConnection = (type: GraphQLOutputType) => getNamedType(type).name.endsWith("Connection");

/** Fields of an object or interface type; a union has none of its own. */
const fieldsOf = (type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> =>
  isUnionType(type) ? {} : type.getFields();

function intArgument(field: FieldNode, name: string, walk: Walk): number | null {
  const argument = field.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return null;
  const value = valueFromASTUntyped(argument.value, walk.variables);
  return typeof value === "number" ? value : null;
}

/** Each selected field with the type it was selected on, fragments grouped by their type condition. */
function* selectedFields(
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  walk: Walk,
): Generator<{ field: FieldNode; on: GraphQLCompositeType; group: string | null }> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      yield { field: selection, on: parentType, group: null };
      continue;
    }
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const typeName = fragment.typeCondition?.name.value;
    const type = typeName ? adminSchema.getType(typeName) : parentType;
    if (!type || !isCompositeType(type)) continue;
    const group = typeName && typeName !== parentType.name ? typeName : null;
    for (const inner of selectedFields(fragment.selectionSet, type, walk)) {
      yield { ...inner, group: inner.group ?? group };
    }
  }
}

function requestedSelection(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, walk: Walk) {
  let common = 0;
  const byType = new Map<string, number>();
  for (const { field, on, group } of selectedFields(selectionSet, parentType, walk)) {
    const cost = requestedField(field, on, walk);
    if (group) byType.set(group, (byType.get(group) ?? 0) + cost);
    else common += cost;
  }
  return common + Math.max(0, ...byType.values());
}

function requestedField(field: FieldNode, parentType: GraphQLCompositeType, walk: Walk): number {
  const definition = fieldsOf(parentType)[field.name.value];
  if (!definition || !field.selectionSet) return 0;
  const named = getNamedType(definition.type);
  if (isLeafType(named) || !isCompositeType(named)) return 0;
  if (isConnection(definition.type)) {
    const size = intArgument(field, "first", walk) ?? intArgument(field, "last", walk) ?? 0;
    return 2 + size * requestedConnectionItem(field.selectionSet, named, walk);
  }
  const count = isListType(getNullableType(definition.type)) ? (intArgument(field, "first", walk) ?? 1) : 1;
  return count * (1 + requestedSelection(field.selectionSet, named, walk));
}

/** One node of a connection, however it is selected (`nodes`, `edges { node }` or both). */
function requestedConnectionItem(
  selectionSet: SelectionSetNode,
  connection: GraphQLCompositeType,
  walk: Walk,
) {
  let cost = 0;
  for (const { field, on } of selectedFields(selectionSet, connection, walk)) {
    const definition = fieldsOf(on)[field.name.value];
    if (!definition || !field.selectionSet) continue;
    const named = getNamedType(definition.type);
    if (!isCompositeType(named)) continue;
    if (field.name.value === "nodes") cost += 1 + requestedSelection(field.selectionSet, named, walk);
    if (field.name.value === "edges") {
      for (const edgeField of selectedFields(field.selectionSet, named, walk)) {
        const nodeType = fieldsOf(edgeField.on)[edgeField.field.name.value];
        if (edgeField.field.name.value !== "node" || !nodeType || !edgeField.field.selectionSet) continue;
        const nodeNamed = getNamedType(nodeType.type);
        if (isCompositeType(nodeNamed))
          cost += 1 + requestedSelection(edgeField.field.selectionSet, nodeNamed, walk);
      }
    }
  }
  return cost;
}

export function requestedCost(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  if (operation.operation === "mutation") return mutationCost * operation.selectionSet.selections.length;
  const root = adminSchema.getQueryType();
  return root ? requestedSelection(operation.selectionSet, root, { fragments, variables }) : 0;
}

/** The cost of what the query returned: connections count the nodes they actually hold. */
export function actualCost(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  data: Record<string, unknown> | null | undefined,
): number {
  if (operation.operation === "mutation") return mutationCost * operation.selectionSet.selections.length;
  const root = adminSchema.getQueryType();
  if (!root || !data) return 0;
  return actualSelection(data, operation.selectionSet, root, { fragments, variables });
}

function actualSelection(
  value: Record<string, unknown>,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType,
  walk: Walk,
): number {
  let cost = 0;
  for (const { field, on } of selectedFields(selectionSet, parentType, walk)) {
    const key = field.alias?.value ?? field.name.value;
    // An abstract field's fragments for other types left no key behind.
    if (!(key in value)) continue;
    const definition = fieldsOf(on)[field.name.value];
    if (!definition || !field.selectionSet) continue;
    cost += actualField(value[key], definition.type, field.selectionSet, walk);
  }
  return cost;
}

function actualField(
  value: unknown,
  type: GraphQLOutputType,
  selectionSet: SelectionSetNode,
  walk: Walk,
): number {
  const named = getNamedType(type);
  if (value === null || value === undefined || !isCompositeType(named)) return 0;
  if (isConnection(type)) {
    const connection = value as { nodes?: unknown[]; edges?: { node?: unknown }[] };
    const nodeType = getNamedType(fieldsOf(named).nodes?.type ?? type);
    let cost = 2;
    for (const { field } of selectedFields(selectionSet, named, walk)) {
      const key = field.alias?.value ?? field.name.value;
      const items =
        field.name.value === "nodes"
          ? ((connection as Record<string, unknown>)[key] as unknown[] | undefined)
          : field.name.value === "edges"
            ? ((connection as Record<string, unknown>)[key] as { node?: unknown }[] | undefined)?.map(
                (edge) => edge.node,
              )
            : undefined;
      const nodeSelection =
        field.name.value === "nodes"
          ? field.selectionSet
          : field.selectionSet?.selections.find(
              (selection): selection is FieldNode =>
                selection.kind === Kind.FIELD && selection.name.value === "node",
            )?.selectionSet;
      if (!items || !nodeSelection || !isCompositeType(nodeType)) continue;
      for (const item of items)
        cost += 1 + actualSelection(item as Record<string, unknown>, nodeSelection, nodeType, walk);
    }
    return cost;
  }
  if (Array.isArray(value)) {
    return value.reduce<number>(
      (sum, item) =>
        sum + (item ? 1 + actualSelection(item as Record<string, unknown>, selectionSet, named, walk) : 0),
      0,
    );
  }
  return 1 + actualSelection(value as Record<string, unknown>, selectionSet, named, walk);
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/**
 * The per-app, per-shop leaky bucket. It refills in real time, not on the
 * sandbox clock: tests freeze the sandbox clock to fix "today", and a bucket
 * on that clock would never refill.
 */
export class CostBucket {
  private available: number;
  private at: number;

  constructor(
    readonly maximumAvailable = 2000,
    readonly restoreRate = 100,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.available = maximumAvailable;
    this.at = clock();
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }

  /** Takes `cost` points if the bucket holds them. */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  /** Returns points taken for a request that turned out cheaper than estimated. */
  give(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  private refill(): void {
    const now = this.clock();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((now - this.at) / 1000) * this.restoreRate,
    );
    this.at = now;
  }
}
