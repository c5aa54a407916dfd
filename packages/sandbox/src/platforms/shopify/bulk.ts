import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLError,
  type GraphQLField,
  getNamedType,
  getOperationAST,
  isCompositeType,
  isUnionType,
  Kind,
  parse,
  type SelectionSetNode,
  validate,
} from "graphql";
import { rubyValidationError } from "./errors.ts";
import { adminSchema } from "./schema.ts";

/**
 * Bulk query operations: `bulkOperationRunQuery` runs the inner query against
 * the same schema with connections walked in full, and flattens the result to
 * JSONL the way Shopify does: one line per node, nested connection nodes on
 * their own lines carrying `__parentId`. Since 2026-01 `groupObjects` defaults
 * to false, and then children are not placed under their parent (here: all
 * roots first, children after), so clients must join by `__parentId`.
 */

export type BulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED";

export interface BulkRecord {
  id: string;
  key: string;
  query: string;
  createdAt: string;
  completedAt: string | null;
  polls: number;
  /** Real clock (the sandbox's may be frozen): an export nobody polls still finishes, as Shopify's do. */
  startedAtMs: number;
  errorCode: "ACCESS_DENIED" | null;
  lines: string[];
  rootObjectCount: number;
}

const maxConnections = 5;
const maxDepth = 2;

const fieldsOf = (type: GraphQLCompositeType): Record<string, GraphQLField<unknown, unknown>> =>
  isUnionType(type) ? {} : type.getFields();
const isConnectionType = (type: GraphQLCompositeType) => type.name.endsWith("Connection");

const directFields = (selectionSet: SelectionSetNode | undefined): FieldNode[] =>
  selectionSet?.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD) ?? [];

/** The node selection inside a connection selection: `nodes { … }` or `edges { node { … } }`. */
function nodeSelection(
  connectionField: FieldNode,
): { path: string[]; selectionSet: SelectionSetNode } | null {
  for (const field of directFields(connectionField.selectionSet)) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === "nodes" && field.selectionSet)
      return { path: [key], selectionSet: field.selectionSet };
    if (field.name.value === "edges") {
      const node = directFields(field.selectionSet).find((inner) => inner.name.value === "node");
      if (node?.selectionSet)
        return { path: [key, node.alias?.value ?? "node"], selectionSet: node.selectionSet };
    }
  }
  return null;
}

function nodeTypeOf(connection: GraphQLCompositeType): GraphQLCompositeType | null {
  const nodes = fieldsOf(connection).nodes;
  const named = nodes && getNamedType(nodes.type);
  return named && isCompositeType(named) ? named : null;
}

/** Shopify's static limits on bulk queries; the message for the first one broken, or null. */
function checkShape(selectionSet: SelectionSetNode, parentType: GraphQLCompositeType): string | null {
  let connections = 0;
  const problems: string[] = [];
  const walk = (selection: SelectionSetNode, type: GraphQLCompositeType, depth: number) => {
    for (const field of directFields(selection)) {
      const definition = fieldsOf(type)[field.name.value];
      if (!definition) continue;
      const named = getNamedType(definition.type);
      if (!isCompositeType(named)) continue;
      if (!isConnectionType(named)) {
        walk(field.selectionSet as SelectionSetNode, named, depth);
        continue;
      }
      connections += 1;
      if (depth + 1 > maxDepth)
        problems.push("Bulk queries cannot contain connections with a nesting depth greater than 2.");
      const inner = nodeSelection(field);
      const nodeType = nodeTypeOf(named);
      if (!inner || !nodeType) continue;
      const nested = directFields(inner.selectionSet).some((child) => {
        const childType = fieldsOf(nodeType)[child.name.value];
        const childNamed = childType && getNamedType(childType.type);
        return !!childNamed && isCompositeType(childNamed) && isConnectionType(childNamed);
      });
      const selectsId = directFields(inner.selectionSet).some(
        (child) => child.name.value === "id" && !child.alias,
      );
      if (nested && !selectsId) {
        problems.push(
          `The parent 'node' field for a nested connection must select the 'id' field without an alias. Connection fields without 'id': ${field.name.value}.`,
        );
      }
      walk(inner.selectionSet, nodeType, depth + 1);
    }
  };
  walk(selectionSet, parentType, 0);
  if (connections === 0) return "Bulk queries must contain at least one connection.";
  if (connections > maxConnections)
    return `Bulk queries cannot contain more than ${maxConnections} connections.`;
  return problems[0] ?? null;
}

export type BulkRun =
  | { ok: true; lines: string[]; rootObjectCount: number; accessDenied: boolean }
  | { ok: false; message: string };

/** Validates and runs a bulk query; `execute` runs it with connections walked in full. */
export function runBulkQuery(
  query: string,
  execute: (document: DocumentNode) => ExecutionResult,
  groupObjects: boolean,
): BulkRun {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { ok: false, message: `Invalid bulk query: ${(error as GraphQLError).message}` };
  }
  const invalid = validate(adminSchema, document)[0];
  if (invalid) return { ok: false, message: `Invalid bulk query: ${rubyValidationError(invalid).message}` };
  const operation = getOperationAST(document);
  const root = adminSchema.getQueryType();
  if (operation?.operation !== "query" || !root) {
    return { ok: false, message: "Invalid bulk query: bulk operations only run a single query." };
  }
  const shapeProblem = checkShape(operation.selectionSet, root);
  if (shapeProblem) return { ok: false, message: shapeProblem };

  const executed = execute(document);
  const accessDenied = !!executed.errors?.some((error) => error.extensions?.code === "ACCESS_DENIED");
  const output = { roots: [] as string[], children: [] as string[], grouped: [] as string[] };
  for (const field of directFields(operation.selectionSet)) {
    const definition = fieldsOf(root)[field.name.value];
    const named = definition && getNamedType(definition.type);
    const value = executed.data?.[field.alias?.value ?? field.name.value];
    if (!named || !isCompositeType(named) || !isConnectionType(named) || !value) continue;
    emit(value, field, named, null, 0, groupObjects, output);
  }
  const lines = groupObjects ? output.grouped : [...output.roots, ...output.children];
  return { ok: true, lines, rootObjectCount: output.roots.length, accessDenied };
}

function emit(
  connection: unknown,
  field: FieldNode,
  connectionType: GraphQLCompositeType,
  parentId: string | null,
  depth: number,
  grouped: boolean,
  output: { roots: string[]; children: string[]; grouped: string[] },
): void {
  const inner = nodeSelection(field);
  const nodeType = nodeTypeOf(connectionType);
  if (!inner || !nodeType) return;
  const items = (
    inner.path.length === 1
      ? (connection as Record<string, unknown[]>)[inner.path[0] as string]
      : (connection as Record<string, Record<string, unknown>[]>)[inner.path[0] as string]?.map(
          (edge) => edge[inner.path[1] as string],
        )
  ) as Record<string, unknown>[] | undefined;
  for (const item of items ?? []) {
    const line: Record<string, unknown> = {};
    const nested: [FieldNode, GraphQLCompositeType, unknown][] = [];
    for (const child of directFields(inner.selectionSet)) {
      const key = child.alias?.value ?? child.name.value;
      const definition = fieldsOf(nodeType)[child.name.value];
      const named = definition && getNamedType(definition.type);
      if (named && isCompositeType(named) && isConnectionType(named)) nested.push([child, named, item[key]]);
      else if (key in item) line[key] = item[key];
    }
    if (parentId) line.__parentId = parentId;
    const text = JSON.stringify(line);
    if (grouped) output.grouped.push(text);
    if (depth === 0) output.roots.push(text);
    else output.children.push(text);
    for (const [child, type, value] of nested) {
      if (value) emit(value, child, type, item.id as string, depth + 1, grouped, output);
    }
  }
}

/** Seconds an export runs when nobody reads its status (one per status read otherwise). */
const secondsPerPoll = 1;

/**
 * Where an operation stands after `polls` status reads, given how many it
 * takes to finish; an abandoned one finishes by itself after as many seconds.
 */
export function bulkStatus(record: BulkRecord, pollsToFinish: number, nowMs = Date.now()): BulkStatus {
  const needed = Math.max(1, pollsToFinish);
  const finished = record.polls >= needed || nowMs - record.startedAtMs >= needed * secondsPerPoll * 1000;
  if (finished) return record.errorCode ? "FAILED" : "COMPLETED";
  return record.polls === 0 ? "CREATED" : "RUNNING";
}

export const bulkInProgress = (record: BulkRecord, pollsToFinish: number) =>
  ["CREATED", "RUNNING"].includes(bulkStatus(record, pollsToFinish));
