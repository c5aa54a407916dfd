import type { Order } from "@omnify/connectors";
import type { Tx } from "@omnify/db";
import { batches, column, lastByKey } from "./batches.ts";

export interface OrderRowCounts {
  orders: number;
  order_lines: number;
  order_refunds: number;
}

/**
 * Upserts orders with their lines and refunds. An order's lines and refunds are
 * replaced as a whole (an edit can remove a line), in the caller's transaction.
 */
export async function upsertOrders(
  tx: Tx,
  shopId: string,
  orders: Order[],
  at: Date,
): Promise<OrderRowCounts> {
  const rows = lastByKey(orders, (order) => order.id);
  const counts: OrderRowCounts = { orders: rows.length, order_lines: 0, order_refunds: 0 };
  for (const batch of batches(rows, 2_000)) {
    await tx.$executeRaw`
      INSERT INTO orders (shop_id, id, name, created_at, updated_at, cancelled_at, currency, total_price,
                          subtotal_price, total_discounts, total_tax, total_shipping, total_refunded, customer_id,
                          new_customer, financial_status, landing_site, referring_site, utm_source, utm_medium,
                          utm_campaign, utm_content, test, synced_at)
      SELECT ${shopId}::uuid, r.id, r.name, r.created_at, r.updated_at, r.cancelled_at, r.currency, r.total_price,
             r.subtotal_price, r.total_discounts, r.total_tax, r.total_shipping, r.total_refunded, r.customer_id,
             r.new_customer, r.financial_status, r.landing_site, r.referring_site, r.utm_source, r.utm_medium,
             r.utm_campaign, r.utm_content, r.test, ${at}
      FROM unnest(${column(batch, (o) => o.id)}::text[], ${column(batch, (o) => o.name)}::text[],
                  ${column(batch, (o) => o.createdAt)}::timestamptz[], ${column(batch, (o) => o.updatedAt)}::timestamptz[],
                  ${column(batch, (o) => o.cancelledAt)}::timestamptz[], ${column(batch, (o) => o.currency)}::text[],
                  ${column(batch, (o) => o.totalPrice)}::bigint[], ${column(batch, (o) => o.subtotalPrice)}::bigint[],
                  ${column(batch, (o) => o.totalDiscounts)}::bigint[], ${column(batch, (o) => o.totalTax)}::bigint[],
                  ${column(batch, (o) => o.totalShipping)}::bigint[], ${column(batch, (o) => o.totalRefunded)}::bigint[],
                  ${column(batch, (o) => o.customerId)}::text[], ${column(batch, (o) => o.newCustomer)}::boolean[],
                  ${column(batch, (o) => o.financialStatus)}::text[], ${column(batch, (o) => o.landingSite)}::text[],
                  ${column(batch, (o) => o.referringSite)}::text[], ${column(batch, (o) => o.utm.source)}::text[],
                  ${column(batch, (o) => o.utm.medium)}::text[], ${column(batch, (o) => o.utm.campaign)}::text[],
                  ${column(batch, (o) => o.utm.content)}::text[], ${column(batch, (o) => o.test)}::boolean[])
        AS r(id, name, created_at, updated_at, cancelled_at, currency, total_price, subtotal_price, total_discounts,
             total_tax, total_shipping, total_refunded, customer_id, new_customer, financial_status, landing_site,
             referring_site, utm_source, utm_medium, utm_campaign, utm_content, test)
      ON CONFLICT (shop_id, id) DO UPDATE SET
        name = EXCLUDED.name, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,
        cancelled_at = EXCLUDED.cancelled_at, currency = EXCLUDED.currency, total_price = EXCLUDED.total_price,
        subtotal_price = EXCLUDED.subtotal_price, total_discounts = EXCLUDED.total_discounts,
        total_tax = EXCLUDED.total_tax, total_shipping = EXCLUDED.total_shipping,
        total_refunded = EXCLUDED.total_refunded, customer_id = EXCLUDED.customer_id,
        new_customer = EXCLUDED.new_customer, financial_status = EXCLUDED.financial_status,
        landing_site = EXCLUDED.landing_site, referring_site = EXCLUDED.referring_site,
        utm_source = EXCLUDED.utm_source, utm_medium = EXCLUDED.utm_medium, utm_campaign = EXCLUDED.utm_campaign,
        utm_content = EXCLUDED.utm_content, test = EXCLUDED.test, synced_at = EXCLUDED.synced_at
      WHERE orders.updated_at IS DISTINCT FROM EXCLUDED.updated_at`;

    const orderIds = column(batch, (o) => o.id);
    await tx.$executeRaw`DELETE FROM order_lines WHERE shop_id = ${shopId}::uuid AND order_id = ANY(${orderIds}::text[])`;
    await tx.$executeRaw`DELETE FROM order_refunds WHERE shop_id = ${shopId}::uuid AND order_id = ANY(${orderIds}::text[])`;

    const lines = lastByKey(
      batch.flatMap((order) => order.lines.map((line) => ({ ...line, orderId: order.id }))),
      (line) => line.id,
    );
    counts.order_lines += lines.length;
    for (const part of batches(lines)) {
      await tx.$executeRaw`
        INSERT INTO order_lines (shop_id, id, order_id, sku, title, quantity, unit_price)
        SELECT ${shopId}::uuid, r.id, r.order_id, r.sku, r.title, r.quantity, r.unit_price
        FROM unnest(${column(part, (l) => l.id)}::text[], ${column(part, (l) => l.orderId)}::text[],
                    ${column(part, (l) => l.sku)}::text[], ${column(part, (l) => l.title)}::text[],
                    ${column(part, (l) => l.quantity)}::int[], ${column(part, (l) => l.unitPrice)}::bigint[])
          AS r(id, order_id, sku, title, quantity, unit_price)
        ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id, sku = EXCLUDED.sku,
          title = EXCLUDED.title, quantity = EXCLUDED.quantity, unit_price = EXCLUDED.unit_price`;
    }

    const refunds = lastByKey(
      batch.flatMap((order) => order.refunds.map((refund) => ({ ...refund, orderId: order.id }))),
      (refund) => refund.id,
    );
    counts.order_refunds += refunds.length;
    for (const part of batches(refunds)) {
      await tx.$executeRaw`
        INSERT INTO order_refunds (shop_id, id, order_id, created_at, amount)
        SELECT ${shopId}::uuid, r.id, r.order_id, r.created_at, r.amount
        FROM unnest(${column(part, (r) => r.id)}::text[], ${column(part, (r) => r.orderId)}::text[],
                    ${column(part, (r) => r.createdAt)}::timestamptz[], ${column(part, (r) => r.amount)}::bigint[])
          AS r(id, order_id, created_at, amount)
        ON CONFLICT (shop_id, id) DO UPDATE SET order_id = EXCLUDED.order_id, created_at = EXCLUDED.created_at,
          amount = EXCLUDED.amount`;
    }
  }
  return counts;
}
