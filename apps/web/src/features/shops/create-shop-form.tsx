import { zodResolver } from "@hookform/resolvers/zod";
import { useTRPC } from "@omnify/client";
import { Field, FormAlert, Select } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { personaField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { reportSubmitError } from "../../forms/submit-error.ts";
import { PersonaOptions } from "./persona-options.tsx";
import { ShopDetailsFields, shopDetailsLabels, shopDetailsSchema } from "./shop-details-fields.tsx";
import { defaultTimeZone } from "./time-zones.ts";

const schema = shopDetailsSchema.extend({ persona: personaField });
type Values = z.input<typeof schema>;

export interface CreateShopFormProps {
  onCreated: (shop: { id: string }) => Promise<void>;
}

export function CreateShopForm({ onCreated }: CreateShopFormProps) {
  const trpc = useTRPC();
  const create = useMutation(trpc.shops.create.mutationOptions());
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", currency: "USD", timeZone: defaultTimeZone(), persona: "founder" },
  });

  const onSubmit = handleSubmit(async (values) => {
    let shop: { id: string };
    try {
      shop = await create.mutateAsync(values);
    } catch (error) {
      reportSubmitError(error, setError, { ...shopDetailsLabels, persona: "Persona" });
      return;
    }
    await onCreated(shop);
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <ShopDetailsFields register={register} errors={errors} />
      <Field
        label="Persona"
        error={errors.persona?.message}
        hint="What you do for this shop. Omnify puts what matters to you first."
      >
        {(control) => (
          <Select {...control} {...register("persona")}>
            <PersonaOptions />
          </Select>
        )}
      </Field>
      <div>
        <SubmitButton pending={isSubmitting} pendingLabel="Creating shop…">
          Create shop
        </SubmitButton>
      </div>
    </form>
  );
}
