import {
  type DocumentNode,
  executeSync,
  type FragmentDefinitionNode,
  type GraphQLError,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
} from "graphql";
import type { Context } from "hono";
import type { SandboxContext, SandboxEnv } from "../../platform.ts";
import { actualCost, maxQueryCost, requestedCost } from "./cost.ts";
import {
  type CostExtension,
  maxCostExceededBody,
  rubyExecutionError,
  rubyParseError,
  rubyValidationError,
  throttledBody,
} from "./errors.ts";
import type { createRoot, RequestContext } from "./resolvers.ts";
import { adminSchema } from "./schema.ts";
import type { ShopifyState } from "./state.ts";

/** Stable versions the sandbox answers as themselves; others fall forward to the oldest, as on Shopify. */
const supportedVersions = ["2025-10", "2026-01", "2026-04", "2026-07", "2026-10", "unstable"];
export const versionPattern = /^(\d{4}-(01|04|07|10)|unstable)$/;

interface GraphqlBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

async function readBody(c: Context<SandboxEnv>): Promise<GraphqlBody | null> {
  const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body.query !== "string") return null;
  const variables = body.variables && typeof body.variables === "object" ? body.variables : {};
  return {
    query: body.query,
    variables: variables as Record<string, unknown>,
    operationName: typeof body.operationName === "string" ? body.operationName : null,
  };
}

/** graphql-ruby's words for a variable value that does not fit its type. */
function variableError(error: GraphQLError, operation: OperationDefinitionNode) {
  const match = /^Variable "\$(\w+)" got invalid value (.*?); (.*)$/s.exec(error.message);
  if (!match) return rubyExecutionError(error);
  const [, name, value, explanation] = match;
  const definition = operation.variableDefinitions?.find(
    (candidate) => candidate.variable.name.value === name,
  );
  const type = definition ? print(definition.type) : "unknown";
  let parsedValue: unknown = value;
  try {
    parsedValue = JSON.parse(value ?? "null");
  } catch {
    // graphql-js printed something that is not JSON; keep it as text.
  }
  return {
    message: `Variable $${name} of type ${type} was provided invalid value`,
    locations: error.locations,
    extensions: { value: parsedValue, problems: [{ path: [], explanation }] },
  };
}

/**
 * `POST /admin/api/{version}/graphql.json`: parse, validate, price, run.
 * Every answer carries `extensions.cost`, including refusals; a query over
 * the single-query cap or over what the bucket holds is refused before it runs.
 */
export async function answerGraphql(
  c: Context<SandboxEnv>,
  sandbox: SandboxContext,
  state: ShopifyState,
  root: ReturnType<typeof createRoot>,
  shopDomain: string,
): Promise<Response> {
  const version = c.req.param("version") ?? "";
  c.header(
    "X-Shopify-API-Version",
    supportedVersions.includes(version) ? version : (supportedVersions[0] as string),
  );
  const grant = c.get("grant");
  const installation = `${grant.clientId}|${shopDomain}`;
  const bucket = state.bucket(installation);
  const cost = (requested: number | null, actual: number | null): CostExtension => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: bucket.status(),
  });

  const body = await readBody(c);
  if (!body) return c.json({ errors: { query: "Required parameter missing or invalid" } }, 400);
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return c.json({ errors: [rubyParseError(error as GraphQLError)], extensions: { cost: cost(0, 0) } });
  }
  const invalid = validate(adminSchema, document);
  if (invalid.length) {
    return c.json({ errors: invalid.map(rubyValidationError), extensions: { cost: cost(0, 0) } });
  }
  const operation = getOperationAST(document, body.operationName);
  if (!operation) {
    const message = body.operationName
      ? `No operation named "${body.operationName}"`
      : "An operation name is required when sending multiple operations.";
    return c.json({ errors: [{ message }], extensions: { cost: cost(0, 0) } });
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }

  const requested = requestedCost(operation, fragments, body.variables);
  if (requested > maxQueryCost) return c.json(maxCostExceededBody(cost(requested, null), maxQueryCost));
  if (!bucket.take(requested)) return c.json(throttledBody(cost(requested, null)));

  const context: RequestContext = {
    scopes: grant.scopes,
    shopDomain,
    currency: sandbox.dataset.shop.currency,
    bulk: false,
    now: sandbox.now(),
    installation,
    polled: new Set(),
    search: [],
  };
  const result = executeSync({
    schema: adminSchema,
    document,
    rootValue: root,
    contextValue: context,
    variableValues: body.variables,
    operationName: body.operationName,
  });
  const actual = result.data ? actualCost(operation, fragments, body.variables, result.data) : 0;
  bucket.give(Math.max(0, requested - actual));
  const errors = result.errors?.map((error) =>
    error.path ? rubyExecutionError(error) : variableError(error, operation),
  );
  return c.json({
    ...(errors ? { errors } : {}),
    ...(result.data !== undefined ? { data: result.data } : {}),
    extensions: {
      cost: cost(requested, actual),
      ...(context.search.length ? { search: context.search } : {}),
    },
  });
}
