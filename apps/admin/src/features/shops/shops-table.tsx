import { buttonClassName, formatDateTime, formatNumber } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import { Cell, ColumnHeader, DataTable, TableBody } from "../../components/data-table.tsx";
import type { StaffShopRow } from "../../components/types.ts";

export function ShopsTable({ shops }: { shops: StaffShopRow[] }) {
  return (
    <DataTable caption="Shops, newest first">
      <thead>
        <tr>
          <ColumnHeader>Name</ColumnHeader>
          <ColumnHeader>Slug</ColumnHeader>
          <ColumnHeader>Currency</ColumnHeader>
          <ColumnHeader>Time zone</ColumnHeader>
          <ColumnHeader className="text-right">Members</ColumnHeader>
          <ColumnHeader>Created</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">Links</span>
          </ColumnHeader>
        </tr>
      </thead>
      <TableBody>
        {shops.map((shop) => (
          <tr key={shop.id} data-testid="shop-row">
            <Cell className="min-w-40 font-medium text-slate-900">{shop.name}</Cell>
            <Cell className="font-mono text-xs">{shop.slug}</Cell>
            <Cell>{shop.currency}</Cell>
            <Cell className="whitespace-nowrap">{shop.timeZone}</Cell>
            <Cell className="text-right tabular-nums">{formatNumber(shop.memberCount)}</Cell>
            <Cell className="whitespace-nowrap">
              <time dateTime={shop.createdAt.toISOString()}>{formatDateTime(shop.createdAt)}</time>
            </Cell>
            <Cell>
              <Link
                to="/audit"
                search={{ shopId: shop.id }}
                className={buttonClassName({ variant: "ghost", size: "sm", className: "whitespace-nowrap" })}
              >
                Audit log<span className="sr-only"> of {shop.name}</span>
              </Link>
            </Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}
