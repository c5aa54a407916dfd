import { PageHeader } from "@omnify/ui";
import { SystemStatusCard } from "../features/system/system-status-card.tsx";

export function OverviewPage() {
  return (
    <>
      <title>Overview · Omnify</title>
      <PageHeader title="Overview" description="How Omnify is doing right now." />
      <div className="grid gap-6">
        <SystemStatusCard />
      </div>
    </>
  );
}
