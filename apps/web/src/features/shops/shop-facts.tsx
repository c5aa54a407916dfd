import type { ReactNode } from "react";

/** A definition list of label → value pairs, two columns from small screens up. */
export function Facts({ items }: { items: ReadonlyArray<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 sm:grid-cols-2">
      {items.map(({ label, value }) => (
        <div key={label} className="min-w-0">
          <dt className="text-sm text-slate-500">{label}</dt>
          <dd className="mt-0.5 text-sm font-medium text-slate-900 wrap-anywhere">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
