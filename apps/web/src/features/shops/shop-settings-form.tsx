import { zodResolver } from "@hookform/resolvers/zod";
import { useTRPC } from "@omnify/client";
import { FormAlert } from "@omnify/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { Shop } from "../../api-types.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { reportSubmitError } from "../../forms/submit-error.ts";
import {
  type ShopDetails,
  ShopDetailsFields,
  shopDetailsLabels,
  shopDetailsSchema,
} from "./shop-details-fields.tsx";

export function ShopSettingsForm({ shop }: { shop: Shop }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const update = useMutation(trpc.shops.update.mutationOptions());
  const [saved, setSaved] = useState(false);
  const savedValues: ShopDetails = { name: shop.name, currency: shop.currency, timeZone: shop.timeZone };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<z.input<typeof shopDetailsSchema>, unknown, ShopDetails>({
    resolver: zodResolver(shopDetailsSchema),
    // Follows the shop when someone else's change arrives, keeping what this user typed.
    values: savedValues,
    resetOptions: { keepDirtyValues: true },
  });

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    try {
      await update.mutateAsync({ shopId: shop.id, ...values });
    } catch (error) {
      reportSubmitError(error, setError, shopDetailsLabels);
      return;
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.shops.get.queryKey({ shopId: shop.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.shops.listMine.queryKey() }),
    ]);
    setSaved(true);
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex max-w-xl flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      {saved && !isDirty ? <FormAlert tone="success">Saved.</FormAlert> : null}
      <ShopDetailsFields register={register} errors={errors} saved={savedValues} />
      <div>
        <SubmitButton pending={isSubmitting}>Save changes</SubmitButton>
      </div>
    </form>
  );
}
