import { Field, Select, TextInput } from "@omnify/ui";
import type { FieldErrors, Path, UseFormRegister } from "react-hook-form";
import { z } from "zod";
import { currencyField, shopNameField, timeZoneField } from "../../forms/fields.ts";
import { commonCurrencies, currencyOptionsIncluding, otherCurrencies } from "./currencies.ts";
import { timeZonesIncluding } from "./time-zones.ts";

export const shopDetailsSchema = z.object({
  name: shopNameField,
  currency: currencyField,
  timeZone: timeZoneField,
});

export type ShopDetails = z.infer<typeof shopDetailsSchema>;

export const shopDetailsLabels = { name: "Shop name", currency: "Currency", timeZone: "Time zone" } as const;

interface ShopDetailsFieldsProps<Values extends ShopDetails> {
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  /** The shop's saved values, listed even if this browser does not know them. */
  saved?: { currency: string; timeZone: string };
}

/** Name, currency and time zone: the same controls to create a shop and to edit one. */
export function ShopDetailsFields<Values extends ShopDetails>({
  register,
  errors,
  saved,
}: ShopDetailsFieldsProps<Values>) {
  const field = (name: keyof ShopDetails) => register(name as Path<Values>);
  const errorOf = (name: keyof ShopDetails) => (errors as FieldErrors<ShopDetails>)[name]?.message;
  return (
    <>
      <Field label={shopDetailsLabels.name} error={errorOf("name")}>
        {(control) => <TextInput {...control} autoComplete="organization" {...field("name")} />}
      </Field>
      <Field
        label={shopDetailsLabels.currency}
        error={errorOf("currency")}
        hint="Revenue and ad spend are reported in this currency."
      >
        {(control) => (
          <Select {...control} {...field("currency")}>
            {currencyOptionsIncluding(saved?.currency).map(({ code, label }) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
            <optgroup label="Common currencies">
              {commonCurrencies.map(({ code, label }) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </optgroup>
            <optgroup label="All currencies">
              {otherCurrencies.map(({ code, label }) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
      <Field
        label={shopDetailsLabels.timeZone}
        error={errorOf("timeZone")}
        hint="Days in reports start and end at midnight in this zone."
      >
        {(control) => (
          <Select {...control} {...field("timeZone")}>
            {timeZonesIncluding(saved?.timeZone).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
