import { Button } from "./button.tsx";
import { Spinner } from "./spinner.tsx";

export interface RefreshButtonProps {
  /** Disables the button (one refresh at a time) and shows a spinner. */
  refreshing: boolean;
  onRefresh: () => void;
}

export function RefreshButton({ refreshing, onRefresh }: RefreshButtonProps) {
  return (
    <Button variant="secondary" size="sm" disabled={refreshing} onClick={onRefresh}>
      {refreshing ? <Spinner label="Refreshing" /> : null}
      Refresh
    </Button>
  );
}
