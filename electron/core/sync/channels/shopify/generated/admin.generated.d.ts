/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type ShopCheckQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopCheckQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'myshopifyDomain' | 'currencyCode'>, currentAppInstallation: { accessScopes: Array<Pick<AdminTypes.AccessScope, 'handle'>> } };

export type OrdersPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  lines: AdminTypes.Scalars['Int']['input'];
  fulfillmentOrders: AdminTypes.Scalars['Int']['input'];
}>;


export type OrdersPageQuery = { orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'updatedAt' | 'cancelledAt' | 'closed' | 'note' | 'email' | 'phone' | 'currencyCode' | 'displayFinancialStatus' | 'displayFulfillmentStatus'>
      & { subtotalPriceSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalShippingPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, totalTaxSet?: AdminTypes.Maybe<{ shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }>, totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, shippingAddress?: AdminTypes.Maybe<Pick<AdminTypes.MailingAddress, 'name' | 'firstName' | 'lastName' | 'company' | 'address1' | 'address2' | 'city' | 'province' | 'provinceCode' | 'zip' | 'countryCodeV2' | 'phone'>>, lineItems: { nodes: Array<(
          Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'variantTitle' | 'quantity' | 'currentQuantity'>
          & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> }, fulfillmentOrders: { nodes: Array<(
          Pick<AdminTypes.FulfillmentOrder, 'status'>
          & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> } }
        )> } }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type OrdersCountQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  limit: AdminTypes.Scalars['Int']['input'];
}>;


export type OrdersCountQuery = { ordersCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count' | 'precision'>> };

export type OrderLinesQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderLinesQuery = { order?: AdminTypes.Maybe<{ lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'sku' | 'title' | 'variantTitle' | 'quantity' | 'currentQuantity'>
        & { originalUnitPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } }> };

export type BulkRunQueryMutationVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type BulkRunQueryMutation = { bulkOperationRunQuery?: AdminTypes.Maybe<{ bulkOperation?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'createdAt'>>, userErrors: Array<Pick<AdminTypes.BulkOperationUserError, 'field' | 'message' | 'code'>> }> };

export type BulkStatusQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type BulkStatusQuery = { node?: AdminTypes.Maybe<Pick<AdminTypes.BulkOperation, 'id' | 'status' | 'errorCode' | 'objectCount' | 'url' | 'partialDataUrl'>> };

export type FulfilmentTargetQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillmentOrders: AdminTypes.Scalars['Int']['input'];
  lines: AdminTypes.Scalars['Int']['input'];
  markerKey: AdminTypes.Scalars['String']['input'];
}>;


export type FulfilmentTargetQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'cancelledAt' | 'displayFulfillmentStatus'>
    & { fulfillmentsCount?: AdminTypes.Maybe<Pick<AdminTypes.Count, 'count'>>, marker?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>>, fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id' | 'status'>
        & { assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, lineItems: { nodes: Array<(
            Pick<AdminTypes.FulfillmentOrderLineItem, 'id' | 'remainingQuantity'>
            & { lineItem: Pick<AdminTypes.LineItem, 'id' | 'sku'> }
          )> } }
      )> } }
  )> };

export type OrderFulfilmentsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillments: AdminTypes.Scalars['Int']['input'];
  lines: AdminTypes.Scalars['Int']['input'];
  markerKey: AdminTypes.Scalars['String']['input'];
}>;


export type OrderFulfilmentsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { marker?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>>, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'createdAt' | 'status'>
      & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>>, fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )> }
  )> };

export type FulfilmentCreateMutationVariables = AdminTypes.Exact<{
  fulfillment: AdminTypes.FulfillmentInput;
  marker: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type FulfilmentCreateMutation = { metafieldsSet?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }>, fulfillmentCreate?: AdminTypes.Maybe<{ fulfillment?: AdminTypes.Maybe<(
      Pick<AdminTypes.Fulfillment, 'id' | 'status'>
      & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type FulfilmentTrackingUpdateMutationVariables = AdminTypes.Exact<{
  fulfillmentId: AdminTypes.Scalars['ID']['input'];
  tracking: AdminTypes.FulfillmentTrackingInput;
  notifyCustomer?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type FulfilmentTrackingUpdateMutation = { fulfillmentTrackingInfoUpdate?: AdminTypes.Maybe<{ fulfillment?: AdminTypes.Maybe<(
      Pick<AdminTypes.Fulfillment, 'id' | 'status'>
      & { trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'company' | 'number' | 'url'>> }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type OrderNoteQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  markerKey: AdminTypes.Scalars['String']['input'];
}>;


export type OrderNoteQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'note' | 'cancelledAt'>
    & { marker?: AdminTypes.Maybe<Pick<AdminTypes.Metafield, 'value'>> }
  )> };

export type OrderNoteUpdateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.OrderInput;
  marker: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type OrderNoteUpdateMutation = { metafieldsSet?: AdminTypes.Maybe<{ userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message' | 'code'>> }>, orderUpdate?: AdminTypes.Maybe<{ order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type VariantsPageQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type VariantsPageQuery = { productVariants: { nodes: Array<(
      Pick<AdminTypes.ProductVariant, 'id' | 'sku' | 'title' | 'barcode'>
      & { product: Pick<AdminTypes.Product, 'title'>, inventoryItem: (
        Pick<AdminTypes.InventoryItem, 'id' | 'tracked'>
        & { inventoryLevels: { nodes: Array<{ location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }> } }
      ) }
    )>, pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'> } };

export type InventoryItemsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
  locations: AdminTypes.Scalars['Int']['input'];
}>;


export type InventoryItemsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.InventoryItem, 'id' | 'sku' | 'tracked'>
    & { inventoryLevels: { nodes: Array<{ location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }> } }
  )>> };

export type LocationsQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
}>;


export type LocationsQuery = { locations: { nodes: Array<Pick<AdminTypes.Location, 'id' | 'name' | 'isActive'>> } };

export type SetAvailableMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.InventorySetQuantitiesInput;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type SetAvailableMutation = { inventorySetQuantities?: AdminTypes.Maybe<{ inventoryAdjustmentGroup?: AdminTypes.Maybe<(
      Pick<AdminTypes.InventoryAdjustmentGroup, 'id'>
      & { changes: Array<(
        Pick<AdminTypes.InventoryChange, 'name' | 'delta' | 'quantityAfterChange'>
        & { item?: AdminTypes.Maybe<Pick<AdminTypes.InventoryItem, 'id'>>, location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
      )> }
    )>, userErrors: Array<Pick<AdminTypes.InventorySetQuantitiesUserError, 'field' | 'message' | 'code'>> }> };

export type OrderRefundsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  refunds: AdminTypes.Scalars['Int']['input'];
  lines: AdminTypes.Scalars['Int']['input'];
}>;


export type OrderRefundsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'currencyCode'>
    & { refunds: Array<Pick<AdminTypes.Refund, 'id' | 'note'>>, lineItems: { nodes: Array<Pick<AdminTypes.LineItem, 'id' | 'sku' | 'currentQuantity'>> }, transactions: Array<Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway' | 'manualPaymentGateway' | 'maximumRefundable'>> }
  )> };

export type RefundCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.RefundInput;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type RefundCreateMutation = { refundCreate?: AdminTypes.Maybe<{ refund?: AdminTypes.Maybe<(
      Pick<AdminTypes.Refund, 'id'>
      & { totalRefundedSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

interface GeneratedQueryTypes {
  "#graphql\n  query ShopCheck {\n    shop { name myshopifyDomain currencyCode }\n    currentAppInstallation { accessScopes { handle } }\n  }\n": {return: ShopCheckQuery, variables: ShopCheckQueryVariables},
  "#graphql\n  query OrdersPage($first: Int!, $after: String, $query: String, $lines: Int!, $fulfillmentOrders: Int!) {\n    orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {\n      nodes {\n        id name createdAt updatedAt cancelledAt closed note email phone currencyCode\n        displayFinancialStatus displayFulfillmentStatus\n        subtotalPriceSet { shopMoney { amount currencyCode } }\n        totalShippingPriceSet { shopMoney { amount currencyCode } }\n        totalTaxSet { shopMoney { amount currencyCode } }\n        totalPriceSet { shopMoney { amount currencyCode } }\n        shippingAddress { name firstName lastName company address1 address2 city province provinceCode zip countryCodeV2 phone }\n        lineItems(first: $lines) {\n          nodes { id sku title variantTitle quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } } }\n          pageInfo { hasNextPage endCursor }\n        }\n        fulfillmentOrders(first: $fulfillmentOrders) { nodes { status assignedLocation { location { id } } } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": {return: OrdersPageQuery, variables: OrdersPageQueryVariables},
  "#graphql\n  query OrdersCount($query: String!, $limit: Int!) {\n    ordersCount(query: $query, limit: $limit) { count precision }\n  }\n": {return: OrdersCountQuery, variables: OrdersCountQueryVariables},
  "#graphql\n  query OrderLines($id: ID!, $first: Int!, $after: String) {\n    order(id: $id) {\n      lineItems(first: $first, after: $after) {\n        nodes { id sku title variantTitle quantity currentQuantity originalUnitPriceSet { shopMoney { amount currencyCode } } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": {return: OrderLinesQuery, variables: OrderLinesQueryVariables},
  "#graphql\n  query BulkStatus($id: ID!) {\n    node(id: $id) { ... on BulkOperation { id status errorCode objectCount url partialDataUrl } }\n  }\n": {return: BulkStatusQuery, variables: BulkStatusQueryVariables},
  "#graphql\n  query FulfilmentTarget($id: ID!, $fulfillmentOrders: Int!, $lines: Int!, $markerKey: String!) {\n    order(id: $id) {\n      id name cancelledAt displayFulfillmentStatus\n      fulfillmentsCount { count }\n      marker: metafield(namespace: \"packbench\", key: $markerKey) { value }\n      fulfillmentOrders(first: $fulfillmentOrders) {\n        nodes {\n          id status\n          assignedLocation { location { id } }\n          lineItems(first: $lines) { nodes { id remainingQuantity lineItem { id sku } } }\n        }\n      }\n    }\n  }\n": {return: FulfilmentTargetQuery, variables: FulfilmentTargetQueryVariables},
  "#graphql\n  query OrderFulfilments($id: ID!, $fulfillments: Int!, $lines: Int!, $markerKey: String!) {\n    order(id: $id) {\n      id\n      marker: metafield(namespace: \"packbench\", key: $markerKey) { value }\n      fulfillments(first: $fulfillments) {\n        id createdAt status\n        trackingInfo(first: 1) { company number url }\n        fulfillmentLineItems(first: $lines) { nodes { quantity lineItem { id } } }\n      }\n    }\n  }\n": {return: OrderFulfilmentsQuery, variables: OrderFulfilmentsQueryVariables},
  "#graphql\n  query OrderNote($id: ID!, $markerKey: String!) {\n    order(id: $id) { id note cancelledAt marker: metafield(namespace: \"packbench\", key: $markerKey) { value } }\n  }\n": {return: OrderNoteQuery, variables: OrderNoteQueryVariables},
  "#graphql\n  query VariantsPage($first: Int!, $after: String, $query: String, $locations: Int!) {\n    productVariants(first: $first, after: $after, query: $query) {\n      nodes {\n        id sku title barcode\n        product { title }\n        inventoryItem {\n          id tracked\n          inventoryLevels(first: $locations) { nodes { location { id } quantities(names: [\"available\", \"on_hand\"]) { name quantity } } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": {return: VariantsPageQuery, variables: VariantsPageQueryVariables},
  "#graphql\n  query InventoryItems($ids: [ID!]!, $locations: Int!) {\n    nodes(ids: $ids) {\n      ... on InventoryItem {\n        id sku tracked\n        inventoryLevels(first: $locations) { nodes { location { id } quantities(names: [\"available\", \"on_hand\"]) { name quantity } } }\n      }\n    }\n  }\n": {return: InventoryItemsQuery, variables: InventoryItemsQueryVariables},
  "#graphql\n  query Locations($first: Int!) {\n    locations(first: $first) { nodes { id name isActive } }\n  }\n": {return: LocationsQuery, variables: LocationsQueryVariables},
  "#graphql\n  query OrderRefunds($id: ID!, $refunds: Int!, $lines: Int!) {\n    order(id: $id) {\n      id currencyCode\n      refunds(first: $refunds) { id note }\n      lineItems(first: $lines) { nodes { id sku currentQuantity } }\n      transactions(first: 20) { id kind status gateway manualPaymentGateway maximumRefundable }\n    }\n  }\n": {return: OrderRefundsQuery, variables: OrderRefundsQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation BulkRunQuery($query: String!) {\n    bulkOperationRunQuery(query: $query) {\n      bulkOperation { id status createdAt }\n      userErrors { field message code }\n    }\n  }\n": {return: BulkRunQueryMutation, variables: BulkRunQueryMutationVariables},
  "#graphql\n  mutation FulfilmentCreate($fulfillment: FulfillmentInput!, $marker: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $marker) { userErrors { field message code } }\n    fulfillmentCreate(fulfillment: $fulfillment) {\n      fulfillment { id status trackingInfo(first: 1) { company number url } }\n      userErrors { field message }\n    }\n  }\n": {return: FulfilmentCreateMutation, variables: FulfilmentCreateMutationVariables},
  "#graphql\n  mutation FulfilmentTrackingUpdate($fulfillmentId: ID!, $tracking: FulfillmentTrackingInput!, $notifyCustomer: Boolean) {\n    fulfillmentTrackingInfoUpdate(fulfillmentId: $fulfillmentId, trackingInfoInput: $tracking, notifyCustomer: $notifyCustomer) {\n      fulfillment { id status trackingInfo(first: 1) { company number url } }\n      userErrors { field message }\n    }\n  }\n": {return: FulfilmentTrackingUpdateMutation, variables: FulfilmentTrackingUpdateMutationVariables},
  "#graphql\n  mutation OrderNoteUpdate($input: OrderInput!, $marker: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $marker) { userErrors { field message code } }\n    orderUpdate(input: $input) { order { id } userErrors { field message } }\n  }\n": {return: OrderNoteUpdateMutation, variables: OrderNoteUpdateMutationVariables},
  "#graphql\n  mutation SetAvailable($input: InventorySetQuantitiesInput!, $key: String!) {\n    inventorySetQuantities(input: $input) @idempotent(key: $key) {\n      inventoryAdjustmentGroup { id changes { name delta quantityAfterChange item { id } location { id } } }\n      userErrors { field message code }\n    }\n  }\n": {return: SetAvailableMutation, variables: SetAvailableMutationVariables},
  "#graphql\n  mutation RefundCreate($input: RefundInput!, $key: String!) {\n    refundCreate(input: $input) @idempotent(key: $key) {\n      refund { id totalRefundedSet { shopMoney { amount currencyCode } } }\n      userErrors { field message }\n    }\n  }\n": {return: RefundCreateMutation, variables: RefundCreateMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
