// Every GraphQL document the Shopify adapter sends, as `#graphql` literals. `npm run shopify:codegen`
// reads them with @shopify/api-codegen-preset against the local Admin schema (2026-10, from
// @shopify/dev-mcp) and writes their types (generated/admin.generated.d.ts, which types
// `client.request`) and their cost plans (generated/cost-plans.ts). Page sizes are variables so the
// adapter can size each request to what the rate-limit bucket holds.

export const SHOP_CHECK = `#graphql
  query ShopCheck {
    shop { name myshopifyDomain currencyCode }
    currentAppInstallation { accessScopes { handle } }
  }
`;

export const ORDERS_PAGE = `#graphql
  query OrdersPage($first: Int!, $after: String, $query: String, $lines: Int!, $fulfillmentOrders: Int!) {
    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
      nodes {
        id name createdAt updatedAt cancelledAt closed note email phone currencyCode
        displayFinancialStatus displayFulfillmentStatus
        subtotalPriceSet { shopMoney { amount currencyCode } }
        totalShippingPriceSet { shopMoney { amount currencyCode } }
        totalTaxSet { shopMoney { amount currencyCode } }
        totalPriceSet { shopMoney { amount currencyCode } }
        shippingAddress { name firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone }
        lineItems(first: $lines) {
          nodes { id sku title variantTitle quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } } }
          pageInfo { hasNextPage endCursor }
        }
        fulfillmentOrders(first: $fulfillmentOrders) { nodes { status assignedLocation { location { id } } } }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** How many orders a pass will bring: a large first import goes through a bulk operation instead of pages. */
export const ORDERS_COUNT = `#graphql
  query OrdersCount($query: String!, $limit: Int!) {
    ordersCount(query: $query, limit: $limit) { count precision }
  }
`;

/** The rest of an order's lines when it has more than one page of them. */
export const ORDER_LINES = `#graphql
  query OrderLines($id: ID!, $first: Int!, $after: String) {
    order(id: $id) {
      lineItems(first: $first, after: $after) {
        nodes { id sku title variantTitle quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`;

export const BULK_RUN_QUERY = `#graphql
  mutation BulkRunQuery($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status createdAt }
      userErrors { field message code }
    }
  }
`;

export const BULK_STATUS = `#graphql
  query BulkStatus($id: ID!) {
    node(id: $id) { ... on BulkOperation { id status errorCode objectCount url partialDataUrl } }
  }
`;

/** What a fulfilment needs: the open fulfillment orders and their lines, and the marker of this parcel. */
export const FULFILMENT_TARGET = `#graphql
  query FulfilmentTarget($id: ID!, $fulfillmentOrders: Int!, $lines: Int!, $markerKey: String!) {
    order(id: $id) {
      id name cancelledAt displayFulfillmentStatus
      fulfillmentsCount { count }
      marker: metafield(namespace: "packbench", key: $markerKey) { value }
      fulfillmentOrders(first: $fulfillmentOrders) {
        nodes {
          id status
          assignedLocation { location { id } }
          lineItems(first: $lines) { nodes { id remainingQuantity lineItem { id sku } } }
        }
      }
    }
  }
`;

/** The order's fulfillments, newest last, to tell whether a parcel already reached Shopify. */
export const ORDER_FULFILMENTS = `#graphql
  query OrderFulfilments($id: ID!, $fulfillments: Int!, $lines: Int!, $markerKey: String!) {
    order(id: $id) {
      id
      marker: metafield(namespace: "packbench", key: $markerKey) { value }
      fulfillments(first: $fulfillments) {
        id createdAt status
        trackingInfo(first: 1) { company number url }
        fulfillmentLineItems(first: $lines) { nodes { quantity lineItem { id } } }
      }
    }
  }
`;

/**
 * fulfillmentCreate takes no idempotency key (2026-10): the parcel's marker is written on the order in
 * the same request, before it, so a lost answer can be checked (see shopify-fulfilment.ts).
 */
export const FULFILMENT_CREATE = `#graphql
  mutation FulfilmentCreate($fulfillment: FulfillmentInput!, $marker: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $marker) { userErrors { field message code } }
    fulfillmentCreate(fulfillment: $fulfillment) {
      fulfillment { id status trackingInfo(first: 1) { company number url } }
      userErrors { field message }
    }
  }
`;

/**
 * A label voided and bought again after Shopify already had the first: the same fulfillment gets the new
 * tracking (a second fulfillmentCreate would find nothing left to fulfil). Setting a number is naturally
 * idempotent, so a retry sends the same request again.
 */
export const FULFILMENT_TRACKING_UPDATE = `#graphql
  mutation FulfilmentTrackingUpdate($fulfillmentId: ID!, $tracking: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {
    fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $tracking, notifyCustomer: $notifyCustomer) {
      fulfillment { id status trackingInfo(first: 1) { company number url } }
      userErrors { field message }
    }
  }
`;

export const ORDER_NOTE = `#graphql
  query OrderNote($id: ID!, $markerKey: String!) {
    order(id: $id) { id note cancelledAt marker: metafield(namespace: "packbench", key: $markerKey) { value } }
  }
`;

export const ORDER_NOTE_UPDATE = `#graphql
  mutation OrderNoteUpdate($input: OrderInput!, $marker: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $marker) { userErrors { field message code } }
    orderUpdate(input: $input) { order { id } userErrors { field message } }
  }
`;

export const VARIANTS_PAGE = `#graphql
  query VariantsPage($first: Int!, $after: String, $query: String, $locations: Int!) {
    productVariants(first: $first, after: $after, query: $query) {
      nodes {
        id sku title barcode
        product { title }
        inventoryItem {
          id tracked
          inventoryLevels(first: $locations) { nodes { location { id } quantities(names: ["available", "on_hand"]) { name quantity } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const INVENTORY_ITEMS = `#graphql
  query InventoryItems($ids: [ID!]!, $locations: Int!) {
    nodes(ids: $ids) {
      ... on InventoryItem {
        id sku tracked
        inventoryLevels(first: $locations) { nodes { location { id } quantities(names: ["available", "on_hand"]) { name quantity } } }
      }
    }
  }
`;

export const LOCATIONS = `#graphql
  query Locations($first: Int!) {
    locations(first: $first) { nodes { id name isActive } }
  }
`;

export const SET_AVAILABLE = `#graphql
  mutation SetAvailable($input: InventorySetQuantitiesInput!, $key: String!) {
    inventorySetQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id changes { name delta quantityAfterChange item { id } location { id } } }
      userErrors { field message code }
    }
  }
`;

export const ORDER_REFUNDS = `#graphql
  query OrderRefunds($id: ID!, $refunds: Int!, $lines: Int!) {
    order(id: $id) {
      id currencyCode
      refunds(first: $refunds) { id note }
      lineItems(first: $lines) { nodes { id sku currentQuantity } }
      transactions(first: 20) { id kind status gateway manualPaymentGateway maximumRefundable }
    }
  }
`;

export const REFUND_CREATE = `#graphql
  mutation RefundCreate($input: RefundInput!, $key: String!) {
    refundCreate(input: $input) @idempotent(key: $key) {
      refund { id totalRefundedSet { shopMoney { amount currencyCode } } }
      userErrors { field message }
    }
  }
`;

/**
 * The first import of a large store runs as a bulk operation: no page sizes, no rate limit beyond the
 * one mutation, the result read as JSONL. Not typed by codegen (it is a string argument, not an
 * operation the client sends); test/unit/shopify-documents.test.ts validates it against the schema.
 */
export function bulkOrdersQuery(search: string): string {
  return `{
  orders(query: ${JSON.stringify(search)}, sortKey: UPDATED_AT) {
    edges { node {
      id name createdAt updatedAt cancelledAt closed note email phone currencyCode
      displayFinancialStatus displayFulfillmentStatus
      subtotalPriceSet { shopMoney { amount currencyCode } }
      totalShippingPriceSet { shopMoney { amount currencyCode } }
      totalTaxSet { shopMoney { amount currencyCode } }
      totalPriceSet { shopMoney { amount currencyCode } }
      shippingAddress { name firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone }
      lineItems { edges { node { id sku title variantTitle quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } } } } }
      fulfillmentOrders { edges { node { id status assignedLocation { location { id } } } } }
    } }
  }
}`;
}
