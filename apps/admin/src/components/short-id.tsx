/**
 * The first characters of a UUID, which tell ids apart at a glance; the whole id is in the
 * tooltip. UUIDv7s share their leading (time) digits, so the random tail is shown too.
 */
export function ShortId({ id }: { id: string }) {
  const short = id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
  return (
    <span title={id} className="font-mono text-xs whitespace-nowrap">
      {short}
    </span>
  );
}
