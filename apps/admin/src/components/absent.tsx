/** An empty cell: a dash to the eye, a word to screen readers (which skip or misread "—"). */
export function Absent({ label = "None" }: { label?: string }) {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">—</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
