import type { SyncRun } from "../../api-types.ts";
import { progressText } from "./labels.ts";

/** A run on its way: how far, how many rows, or what it waits for. */
export function SyncProgress({ run }: { run: SyncRun }) {
  const text = progressText(run);
  return (
    <div className="flex flex-col gap-1.5" data-testid="sync-progress" data-run-id={run.id}>
      <div
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={run.progress}
        aria-valuetext={text}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className="h-full rounded-full bg-indigo-600 transition-[width] duration-500 motion-reduce:transition-none"
          style={{ width: `${run.progress}%` }}
        />
      </div>
      {/* Not a live region: it changes several times a second; the bar carries the value. */}
      <p className="text-sm text-slate-700">{text}</p>
    </div>
  );
}
