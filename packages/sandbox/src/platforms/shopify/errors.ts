import type { GraphQLError } from "graphql";
import type { ThrottleStatus } from "./cost.ts";

/** Shopify's error bodies, byte for byte where the docs or real responses show them. */

export const invalidTokenBody = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};
export const notFoundBody = { errors: "Not Found" };
export const serverErrorBody = { errors: "Internal Server Error" };

const rateLimitDocs = "https://shopify.dev/api/usage/rate-limits";

export interface CostExtension {
  requestedQueryCost: number | null;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export function throttledBody(cost: CostExtension) {
  return {
    errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: rateLimitDocs } }],
    extensions: { cost },
  };
}

export function maxCostExceededBody(cost: CostExtension, maxCost: number) {
  const requested = cost.requestedQueryCost ?? 0;
  return {
    errors: [
      {
        message: `Query cost is ${requested}, which exceeds the single query max cost limit (${maxCost}).

See ${rateLimitDocs} for more information on how the
cost of a query is calculated.

To query larger amounts of data with fewer limits, bulk operations should be used instead.
See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.
`,
        extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost, documentation: rateLimitDocs },
      },
    ],
    extensions: { cost },
  };
}

interface RubyError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

type Rewrite = (match: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };

/**
 * Shopify runs graphql-ruby; the sandbox validates with graphql-js. These
 * rewrite graphql-js's validation messages into graphql-ruby's wording and
 * `extensions.code`, which is what clients branch on.
 */
const rewrites: [RegExp, Rewrite][] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./,
    ([, argument, field]) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: argument },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./,
    ([, field, argument]) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: argument },
    }),
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./,
    ([, field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${type} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    ([, field, type]) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type} but has selections)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Unknown type "(\w+)"\./,
    ([, type]) => ({
      message: `No such type ${type}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: type },
    }),
  ],
  [
    /^Variable "\$(\w+)" is not defined/,
    ([, name]) => ({
      message: `Variable $${name} is used but not declared`,
      extensions: { code: "variableNotDefined", variableName: name },
    }),
  ],
  [
    /^Variable "\$(\w+)" is never used/,
    ([, name]) => ({
      message: `Variable $${name} is declared but not used`,
      extensions: { code: "variableNotUsed", variableName: name },
    }),
  ],
  [
    /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    ([, name, type, expected]) => ({
      message: `Nullability mismatch on variable $${name} and argument (${type} / ${expected})`,
      extensions: { code: "variableMismatch", variableName: name, typeName: type },
    }),
  ],
  [
    /cannot represent|Expected value of type|Enum "\w+" cannot represent/,
    () => ({
      message: "Argument has an invalid value",
      extensions: { code: "argumentLiteralsIncompatible" },
    }),
  ],
];

export function rubyValidationError(error: GraphQLError): RubyError {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  for (const [pattern, rewrite] of rewrites) {
    const match = pattern.exec(error.message);
    if (match) {
      const { message, extensions } = rewrite(match);
      // Keep the value problem's detail for invalid literals: it names the value.
      const detail = extensions.code === "argumentLiteralsIncompatible" ? `: ${error.message}` : "";
      return { message: message + detail, locations, extensions };
    }
  }
  return { message: error.message, locations };
}

/** graphql-ruby's parse error: `Parse error on "}" (RCURLY) at [1, 10]`. */
export function rubyParseError(error: GraphQLError): RubyError {
  const location = error.locations?.[0] ?? { line: 1, column: 1 };
  const found = /found (.+?)\.?$/.exec(error.message)?.[1] ?? "end of input";
  const token = found === "<EOF>" ? "end of string" : found;
  return {
    message: `Parse error on ${token} at [${location.line}, ${location.column}]`,
    locations: [location],
  };
}

/** An error raised while executing (a resolver's), in Shopify's shape. */
export function rubyExecutionError(error: GraphQLError): RubyError {
  return {
    message: error.message,
    locations: error.locations?.map(({ line, column }) => ({ line, column })),
    path: error.path,
    ...(error.extensions && Object.keys(error.extensions).length ? { extensions: error.extensions } : {}),
  };
}
