import { z } from "zod";

/** What the connector reads from Shopify's answers; anything else in them is ignored. */

const throttleStatus = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
});

const queryCost = z.object({
  requestedQueryCost: z.number().nullable(),
  actualQueryCost: z.number().nullable().optional(),
  throttleStatus,
});
export type QueryCost = z.infer<typeof queryCost>;

export const responseEnvelope = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.object({ code: z.string().optional() }).loose().optional(),
      }),
    )
    .optional(),
  extensions: z.object({ cost: queryCost.optional() }).loose().optional(),
});

const money = z.object({ amount: z.string(), currencyCode: z.string() });
const moneyBag = z.object({ shopMoney: money });
export type MoneyBag = z.infer<typeof moneyBag>;

const visit = z
  .object({
    landingPage: z.string().nullable(),
    referrerUrl: z.string().nullable(),
    utmParameters: z
      .object({
        source: z.string().nullable(),
        medium: z.string().nullable(),
        campaign: z.string().nullable(),
        content: z.string().nullable(),
      })
      .nullable(),
  })
  .nullable();

export const lineNode = z.object({
  id: z.string(),
  sku: z.string().nullable(),
  title: z.string(),
  quantity: z.number().int(),
  originalUnitPriceSet: moneyBag,
});
export type LineNode = z.infer<typeof lineNode>;

/** An order's own fields, as both the paged query and a bulk export's order lines carry them. */
export const orderFields = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable(),
  test: z.boolean(),
  currencyCode: z.string(),
  displayFinancialStatus: z.string().nullable(),
  totalPriceSet: moneyBag,
  subtotalPriceSet: moneyBag.nullable(),
  totalDiscountsSet: moneyBag.nullable(),
  totalTaxSet: moneyBag.nullable(),
  totalShippingPriceSet: moneyBag,
  totalRefundedSet: moneyBag,
  customer: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  customerJourneySummary: z.object({ firstVisit: visit, lastVisit: visit }).nullable(),
  refunds: z.array(
    z.object({ id: z.string(), createdAt: z.string().nullable(), totalRefundedSet: moneyBag }),
  ),
});
export type OrderFields = z.infer<typeof orderFields>;

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

const lineConnection = z.object({ pageInfo, nodes: z.array(lineNode) });

export const ordersPage = z.object({
  orders: z.object({
    pageInfo,
    nodes: z.array(orderFields.extend({ lineItems: lineConnection })),
  }),
});

export type OrdersPage = z.infer<typeof ordersPage>;

export const orderLinesPage = z.object({
  node: z.object({ lineItems: lineConnection }).nullable(),
});

export const bulkOperation = z.object({
  id: z.string(),
  status: z.enum(["CREATED", "RUNNING", "COMPLETED", "CANCELING", "CANCELED", "FAILED", "EXPIRED"]),
  errorCode: z.string().nullable(),
  objectCount: z.string(),
  url: z.string().nullable(),
});

export const currentBulk = z.object({
  currentBulkOperation: bulkOperation.extend({ query: z.string() }).nullable(),
});

export const bulkStarted = z.object({
  bulkOperationRunQuery: z.object({
    bulkOperation: z.object({ id: z.string(), status: z.string() }).nullable(),
    userErrors: z.array(z.object({ message: z.string(), code: z.string().nullable().optional() })),
  }),
});

export const bulkPolled = z.object({ node: bulkOperation.nullable() });

/** A line item's line in a bulk export: the item and the order it belongs to. */
export const bulkLineItem = lineNode.extend({ __parentId: z.string() });

export const appUninstalled = z.object({
  appUninstall: z
    .object({
      userErrors: z.array(z.object({ message: z.string(), code: z.string().nullable().optional() })),
    })
    .nullable(),
});
