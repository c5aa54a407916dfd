import { describeError, useTRPC } from "@omnify/client";
import { Card, ErrorState, SkeletonLines } from "@omnify/ui";
import { useQuery } from "@tanstack/react-query";
import type { Shop } from "../../api-types.ts";
import { MemberRow } from "./member-row.tsx";

export function MembersCard({ shop }: { shop: Shop }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.team.listMembers.queryOptions({ shopId: shop.id }));
  const count = members.data?.length;

  return (
    <Card
      title="Members"
      description={
        count === undefined
          ? undefined
          : `${count} ${count === 1 ? "person has" : "people have"} access to ${shop.name}.`
      }
      busy={members.isPending}
    >
      {members.data ? (
        <ul className="flex flex-col divide-y divide-slate-100">
          {members.data.map((member) => (
            <MemberRow key={member.id} shop={shop} member={member} />
          ))}
        </ul>
      ) : members.isError ? (
        <ErrorState
          title="The members could not be loaded"
          message={describeError(members.error)}
          onRetry={() => void members.refetch()}
        />
      ) : (
        <SkeletonLines className="space-y-3" sizes={["h-10 w-full", "h-10 w-full", "h-10 w-full"]} />
      )}
    </Card>
  );
}
