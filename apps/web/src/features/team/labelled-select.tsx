import { Select } from "@omnify/ui";
import { type Ref, type SelectHTMLAttributes, useId } from "react";

export interface LabelledSelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** Shown above the control: "Role". */
  label: string;
  /** Read only by screen readers after the label, so that each row's control has its own name. */
  labelSuffix: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A compact select for a list row: "Role" on screen, "Role of Ada Lovelace" when read out. */
export function LabelledSelect({ label, labelSuffix, className, ...props }: LabelledSelectProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
        <span className="sr-only"> {labelSuffix}</span>
      </label>
      <Select id={id} className="py-1.5" {...props} />
    </div>
  );
}
