import { useTRPC } from "@omnify/client";
import { EmptyState, FormAlert, PageHeader } from "@omnify/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useViewer } from "../auth/viewer.ts";
import { PagedResults } from "../components/paged-results.tsx";
import { allItems, nextCursor } from "../components/paging.ts";
import type { StaffUserRow } from "../components/types.ts";
import { BanUserDialog } from "../features/users/ban-user-dialog.tsx";
import { useUserActions } from "../features/users/use-user-actions.ts";
import { UserSearchForm } from "../features/users/user-search-form.tsx";
import { UsersTable } from "../features/users/users-table.tsx";

const usersRoute = getRouteApi("/staff/users");

export function UsersPage() {
  const trpc = useTRPC();
  const { q } = usersRoute.useSearch();
  const navigate = usersRoute.useNavigate();
  const viewerId = useViewer().data?.user?.id ?? "";
  const users = useInfiniteQuery(
    trpc.admin.listUsers.infiniteQueryOptions(
      { limit: 25, ...(q ? { search: q } : {}) },
      { getNextPageParam: nextCursor },
    ),
  );
  const actions = useUserActions();
  const [banning, setBanning] = useState<StaffUserRow | null>(null);

  return (
    <>
      <title>Users · Omnify Control Room</title>
      <PageHeader
        title="Users"
        description="Every account, newest first. Bans and revocations are audited."
      />
      <UserSearchForm query={q} onSearch={(query) => void navigate({ search: { q: query || undefined } })} />
      {/* Present before any message, so that screen readers announce each new one. */}
      <div role="status">
        {actions.outcome?.tone === "success" ? (
          <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {actions.outcome.message}
          </p>
        ) : null}
      </div>
      {actions.outcome?.tone === "error" ? (
        <div className="mb-4">
          <FormAlert>{actions.outcome.message}</FormAlert>
        </div>
      ) : null}
      <PagedResults
        query={users}
        items={allItems(users.data)}
        noun="users"
        empty={
          <EmptyState
            title={q ? `No users match “${q}”` : "No users yet"}
            description={q ? "Search looks in names and email addresses." : undefined}
          />
        }
      >
        {(items) => (
          <UsersTable
            users={items}
            caption={q ? `Users matching “${q}”, newest first` : "Users, newest first"}
            viewerId={viewerId}
            busyUserId={actions.busyUserId}
            onBan={setBanning}
            onUnban={actions.unban}
            onRevokeSessions={actions.revokeSessions}
          />
        )}
      </PagedResults>
      {banning ? (
        <BanUserDialog
          user={banning}
          onConfirm={(reason) => actions.ban(banning, reason)}
          onClose={() => setBanning(null)}
        />
      ) : null}
    </>
  );
}
