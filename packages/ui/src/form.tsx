import { type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, useId } from "react";
import { cx, focusRing } from "./cx.ts";

export interface FieldProps {
  label: string;
  /** Shown under the control; also read out as its description. */
  hint?: ReactNode;
  /** The field's error, shown inline and announced; marks the control invalid. */
  error?: string;
  className?: string;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: {
    id: string;
    "aria-invalid": boolean | undefined;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}

/** A labelled form control with its hint and inline error, wired for screen readers. */
export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const controlClassName = cx(
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
  "ring-1 ring-slate-300 ring-inset placeholder:text-slate-400",
  "aria-[invalid=true]:ring-red-500 disabled:bg-slate-50 disabled:text-slate-500",
  focusRing,
);

export function TextInput({
  className,
  ref,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input ref={ref} className={cx(controlClassName, className)} {...props} />;
}

export function Select({
  className,
  ref,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return <select ref={ref} className={cx(controlClassName, "pr-8", className)} {...props} />;
}

export interface FormAlertProps {
  tone?: "error" | "success" | "info";
  children: ReactNode;
}

/** A message about the whole form (or a page-level outcome), announced when it appears. */
export function FormAlert({ tone = "error", children }: FormAlertProps) {
  const tones = {
    error: "border-red-200 bg-red-50 text-red-800",
    success: "border-emerald-200 bg-emerald-50 text-emerald-800",
    info: "border-sky-200 bg-sky-50 text-sky-800",
  };
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={cx("rounded-md border px-3 py-2 text-sm", tones[tone])}
    >
      {children}
    </div>
  );
}

export interface AuthLayoutProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. "Forgot your password?". */
  footer?: ReactNode;
}

/** The centred, narrow page of sign-in style screens. */
export function AuthLayout({ title, description, children, footer }: AuthLayoutProps) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-4 py-6 sm:py-12">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">{children}</div>
      {footer ? <div className="flex flex-col gap-1 text-sm text-slate-600">{footer}</div> : null}
    </div>
  );
}
