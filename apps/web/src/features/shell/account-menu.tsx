import { buttonClassName, cx, focusRing } from "@omnify/ui";
import { Link } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import type { Me } from "../../api-types.ts";
import { SignOutButton } from "../../components/sign-out-button.tsx";

/**
 * The account's menu in the header: who is signed in, the account page, sign out. A native
 * popover: it sits in the top layer (the header's nav scrolls sideways and would clip a
 * dropdown), and the browser handles Escape, clicks outside and the focus order.
 */
export function AccountMenu({ user }: { user: Me }) {
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  // Placed under its button each time it opens; a scrolled page would leave it floating.
  useEffect(() => {
    if (!open) return;
    const close = () => panel.current?.hidePopover();
    window.addEventListener("scroll", close, { passive: true });
    window.addEventListener("resize", close);
    return () => {
      window.removeEventListener("scroll", close);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        popoverTarget={panelId}
        aria-expanded={open}
        aria-controls={panelId}
        className={buttonClassName({ variant: "ghost", size: "sm" })}
      >
        Account
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      <div
        ref={panel}
        id={panelId}
        popover="auto"
        onBeforeToggle={(event) => {
          const rect = button.current?.getBoundingClientRect();
          if (event.newState === "open" && rect && panel.current) {
            panel.current.style.top = `${rect.bottom + 4}px`;
            panel.current.style.right = `${Math.max(8, window.innerWidth - rect.right)}px`;
          }
        }}
        onToggle={(event) => setOpen(event.newState === "open")}
        className="fixed inset-auto m-0 w-64 max-w-[calc(100vw-1rem)] rounded-md border border-slate-200 bg-white p-2 text-slate-900 shadow-lg"
      >
        <p className="px-2 pt-1 text-xs text-slate-500">Signed in as</p>
        <p className="px-2 pb-2 text-sm font-medium wrap-anywhere">{user.email}</p>
        <div className="flex flex-col gap-1 border-t border-slate-100 pt-2">
          <Link
            to="/account"
            onClick={() => panel.current?.hidePopover()}
            className={cx("rounded-md px-2 py-1.5 text-sm hover:bg-slate-100", focusRing)}
          >
            Account settings
          </Link>
          <SignOutButton size="sm" />
        </div>
      </div>
    </>
  );
}
