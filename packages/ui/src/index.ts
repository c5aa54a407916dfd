export { AppCrashed, type AppCrashedProps } from "./app-crashed.tsx";
export {
  AppShell,
  type AppShellProps,
  brandLinkClassName,
  navItemClassName,
  PageHeader,
  type PageHeaderProps,
} from "./app-shell.tsx";
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant, buttonClassName } from "./button.tsx";
export { Card, type CardProps } from "./card.tsx";
export { cx, focusRing } from "./cx.ts";
export { EmptyState, type EmptyStateProps } from "./empty-state.tsx";
export { ErrorState, type ErrorStateProps } from "./error-state.tsx";
export {
  AuthLayout,
  type AuthLayoutProps,
  Field,
  type FieldProps,
  FormAlert,
  type FormAlertProps,
  Select,
  TextInput,
} from "./form.tsx";
export {
  type DateTimeFormatOptions,
  type FormatOptions,
  formatDateTime,
  formatNumber,
  formatRelativeTime,
} from "./format.ts";
export { type Heartbeat, LatestHeartbeat, type LatestHeartbeatProps } from "./latest-heartbeat.tsx";
export { NotFoundPage, type NotFoundPageProps } from "./not-found-page.tsx";
export { RealtimeBadge, type RealtimeState } from "./realtime-badge.tsx";
export { RefreshButton, type RefreshButtonProps } from "./refresh-button.tsx";
export { RelativeTime, type RelativeTimeProps } from "./relative-time.tsx";
export { RouteError, type RouteErrorProps } from "./route-error.tsx";
export { Skeleton, SkeletonLines, type SkeletonLinesProps, type SkeletonProps } from "./skeleton.tsx";
export { Spinner, type SpinnerProps } from "./spinner.tsx";
export { Stat, StatList, type StatListProps, type StatProps } from "./stat.tsx";
export { StatusBadge, type StatusBadgeProps, type StatusTone } from "./status-badge.tsx";
export { useNow } from "./use-now.ts";
