import { buildSchema } from "graphql";

/**
 * The subset of the Admin GraphQL API (2026-10) the product reads, with
 * Shopify's own type, field and argument names, so a client's query is
 * validated the way Shopify validates it. Fields the sandbox cannot fill
 * honestly from the dataset are left out rather than faked.
 *
 * One deliberate difference: `orders` is nullable here. Shopify answers a
 * missing `read_orders` scope with `data.orders: null` next to an
 * ACCESS_DENIED error, which strict GraphQL null propagation would turn into
 * `data: null`.
 */
export const adminSdl = /* GraphQL */ `
  schema {
    query: QueryRoot
    mutation: Mutation
  }

  scalar DateTime
  scalar Decimal
  scalar URL
  scalar UnsignedInt64

  interface Node {
    id: ID!
  }

  enum CurrencyCode {
    AUD
    CAD
    CHF
    DKK
    EUR
    GBP
    JPY
    NOK
    NZD
    SEK
    USD
  }

  type QueryRoot {
    shop: Shop!
    orders(
      first: Int
      after: String
      last: Int
      before: String
      query: String
      sortKey: OrderSortKeys = ID
      reverse: Boolean = false
    ): OrderConnection
    order(id: ID!): Order
    node(id: ID!): Node
    currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
  }

  type Mutation {
    bulkOperationRunQuery(query: String!, groupObjects: Boolean! = false): BulkOperationRunQueryPayload
    appUninstall: AppUninstallPayload
  }

  type App implements Node {
    id: ID!
    title: String!
  }

  enum AppUninstallAppUninstallErrorCode {
    APP_NOT_FOUND
    APP_NOT_INSTALLED
    APP_UNINSTALL_ERROR
    USER_PERMISSIONS_INSUFFICIENT
  }

  type AppUninstallAppUninstallError {
    code: AppUninstallAppUninstallErrorCode
    field: [String!]
    message: String!
  }

  type AppUninstallPayload {
    app: App
    userErrors: [AppUninstallAppUninstallError!]!
  }

  type Shop implements Node {
    id: ID!
    name: String!
    email: String!
    myshopifyDomain: String!
    currencyCode: CurrencyCode!
    ianaTimezone: String!
    timezoneAbbreviation: String!
  }

  enum OrderSortKeys {
    CREATED_AT
    ID
    ORDER_NUMBER
    PROCESSED_AT
    TOTAL_PRICE
    UPDATED_AT
  }

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type OrderConnection {
    edges: [OrderEdge!]!
    nodes: [Order!]!
    pageInfo: PageInfo!
  }

  type OrderEdge {
    cursor: String!
    node: Order!
  }

  enum OrderDisplayFinancialStatus {
    AUTHORIZED
    EXPIRED
    PAID
    PARTIALLY_PAID
    PARTIALLY_REFUNDED
    PENDING
    REFUNDED
    VOIDED
  }

  enum OrderDisplayFulfillmentStatus {
    FULFILLED
    IN_PROGRESS
    ON_HOLD
    OPEN
    PARTIALLY_FULFILLED
    PENDING_FULFILLMENT
    RESTOCKED
    SCHEDULED
    UNFULFILLED
  }

  type Order implements Node {
    id: ID!
    name: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    processedAt: DateTime!
    cancelledAt: DateTime
    closed: Boolean!
    test: Boolean!
    currencyCode: CurrencyCode!
    presentmentCurrencyCode: CurrencyCode!
    displayFinancialStatus: OrderDisplayFinancialStatus
    displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    totalPriceSet: MoneyBag!
    currentTotalPriceSet: MoneyBag!
    subtotalPriceSet: MoneyBag
    totalDiscountsSet: MoneyBag
    totalTaxSet: MoneyBag
    totalShippingPriceSet: MoneyBag!
    totalRefundedSet: MoneyBag!
    customer: Customer
    customerJourneySummary: CustomerJourneySummary
    lineItems(first: Int, after: String, last: Int, before: String, reverse: Boolean = false): LineItemConnection!
    refunds(first: Int): [Refund!]!
  }

  type MoneyBag {
    shopMoney: MoneyV2!
    presentmentMoney: MoneyV2!
  }

  type MoneyV2 {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }

  type LineItemConnection {
    edges: [LineItemEdge!]!
    nodes: [LineItem!]!
    pageInfo: PageInfo!
  }

  type LineItemEdge {
    cursor: String!
    node: LineItem!
  }

  type LineItem implements Node {
    id: ID!
    sku: String
    title: String!
    name: String!
    quantity: Int!
    originalUnitPriceSet: MoneyBag!
  }

  type Refund implements Node {
    id: ID!
    createdAt: DateTime
    totalRefundedSet: MoneyBag!
  }

  type Customer implements Node {
    id: ID!
    createdAt: DateTime!
  }

  type CustomerJourneySummary {
    daysToConversion: Int
    firstVisit: CustomerVisit
    lastVisit: CustomerVisit
    ready: Boolean!
  }

  type CustomerVisit implements Node {
    id: ID!
    landingPage: URL
    occurredAt: DateTime!
    referrerUrl: URL
    source: String!
    sourceDescription: String
    utmParameters: UTMParameters
  }

  type UTMParameters {
    campaign: String
    content: String
    medium: String
    source: String
    term: String
  }

  enum BulkOperationType {
    MUTATION
    QUERY
  }

  enum BulkOperationStatus {
    CANCELED
    CANCELING
    COMPLETED
    CREATED
    EXPIRED
    FAILED
    RUNNING
  }

  enum BulkOperationErrorCode {
    ACCESS_DENIED
    INTERNAL_SERVER_ERROR
    TIMEOUT
  }

  type BulkOperation implements Node {
    id: ID!
    status: BulkOperationStatus!
    errorCode: BulkOperationErrorCode
    createdAt: DateTime!
    completedAt: DateTime
    objectCount: UnsignedInt64!
    rootObjectCount: UnsignedInt64!
    fileSize: UnsignedInt64
    url: URL
    partialDataUrl: URL
    query: String!
    type: BulkOperationType!
  }

  enum BulkOperationUserErrorCode {
    INVALID
    LIMIT_REACHED
    OPERATION_IN_PROGRESS
  }

  type BulkOperationUserError {
    code: BulkOperationUserErrorCode
    field: [String!]
    message: String!
  }

  type BulkOperationRunQueryPayload {
    bulkOperation: BulkOperation
    userErrors: [BulkOperationUserError!]!
  }
`;

export const adminSchema = buildSchema(adminSdl);

/** Shopify's single-query page limit on any connection. */
export const maxPageSize = 250;
