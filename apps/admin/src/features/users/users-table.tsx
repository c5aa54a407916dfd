import { Button, buttonClassName, formatDateTime, formatNumber, StatusBadge } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import { Cell, ColumnHeader, DataTable, TableBody } from "../../components/data-table.tsx";
import type { StaffUserRow } from "../../components/types.ts";

export interface UsersTableProps {
  users: StaffUserRow[];
  caption: string;
  /** The signed-in staff member: no ban or revoke buttons on their own row. */
  viewerId: string;
  busyUserId: string | undefined;
  onBan: (user: StaffUserRow) => void;
  onUnban: (user: StaffUserRow) => void;
  onRevokeSessions: (user: StaffUserRow) => void;
}

export function UsersTable({ users, caption, viewerId, busyUserId, ...actions }: UsersTableProps) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <ColumnHeader>User</ColumnHeader>
          <ColumnHeader>Email verified</ColumnHeader>
          <ColumnHeader>Role</ColumnHeader>
          <ColumnHeader>Status</ColumnHeader>
          <ColumnHeader className="text-right">Shops</ColumnHeader>
          <ColumnHeader className="text-right">Sessions</ColumnHeader>
          <ColumnHeader>Actions</ColumnHeader>
        </tr>
      </thead>
      <TableBody>
        {users.map((user) => (
          <tr key={user.id} data-testid="user-row" data-email={user.email}>
            <Cell className="min-w-48">
              <div className="font-medium text-slate-900">
                {user.name}
                {user.id === viewerId ? <span className="ml-1 font-normal text-slate-500">(you)</span> : null}
              </div>
              <div className="break-all">{user.email}</div>
              <div className="text-xs text-slate-500">
                Joined <time dateTime={user.createdAt.toISOString()}>{formatDateTime(user.createdAt)}</time>
              </div>
            </Cell>
            <Cell>
              {user.emailVerified ? (
                <StatusBadge tone="ok">Verified</StatusBadge>
              ) : (
                <StatusBadge tone="warn">Not verified</StatusBadge>
              )}
            </Cell>
            <Cell>
              {user.isStaff ? <StatusBadge tone="neutral">Staff</StatusBadge> : <span>Customer</span>}
            </Cell>
            <Cell className="min-w-32">
              {user.banned ? (
                <>
                  <StatusBadge tone="error">Banned</StatusBadge>
                  {user.banReason ? <p className="mt-1 text-xs break-words">{user.banReason}</p> : null}
                </>
              ) : (
                <StatusBadge tone="ok">Active</StatusBadge>
              )}
            </Cell>
            <Cell className="text-right tabular-nums">{formatNumber(user.shopCount)}</Cell>
            <Cell className="text-right tabular-nums">{formatNumber(user.sessionCount)}</Cell>
            <Cell>
              <UserActions
                user={user}
                isViewer={user.id === viewerId}
                busy={busyUserId === user.id}
                {...actions}
              />
            </Cell>
          </tr>
        ))}
      </TableBody>
    </DataTable>
  );
}

function UserActions({
  user,
  isViewer,
  busy,
  onBan,
  onUnban,
  onRevokeSessions,
}: Omit<UsersTableProps, "users" | "caption" | "viewerId" | "busyUserId"> & {
  user: StaffUserRow;
  isViewer: boolean;
  busy: boolean;
}) {
  // Each button's name ends with the email, so a screen reader's list of buttons says whose it is.
  const whose = <span className="sr-only"> {user.email}</span>;
  return (
    <div className="flex gap-2 whitespace-nowrap">
      {isViewer ? null : (
        <>
          {/* One element for both states, so focus stays on it when a ban flips it to Unban. */}
          <Button
            variant="secondary"
            size="sm"
            disabled={busy}
            onClick={() => (user.banned ? onUnban(user) : onBan(user))}
          >
            {user.banned ? "Unban" : "Ban"}
            {whose}
          </Button>
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => onRevokeSessions(user)}>
            Revoke sessions{whose}
          </Button>
        </>
      )}
      <Link
        to="/audit"
        search={{ actorUserId: user.id }}
        className={buttonClassName({ variant: "ghost", size: "sm" })}
      >
        Activity{whose}
      </Link>
    </div>
  );
}
