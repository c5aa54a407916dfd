import { zodResolver } from "@hookform/resolvers/zod";
import { describeError, httpStatusOf, serverFieldErrors } from "@omnify/client";
import { Field, FormAlert, TextInput } from "@omnify/ui";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { shopDomainField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { reportSubmitError } from "../../forms/submit-error.ts";
import { useConnect } from "./use-connect.ts";

const schema = z.object({ shopDomain: shopDomainField });
type Values = z.input<typeof schema>;

export interface ShopifyConnectFormProps {
  shopId: string;
  /** False when this server has no Shopify credentials: the form explains instead. */
  available: boolean;
  /** The store connected before, if any. */
  defaultDomain?: string | null;
}

/** Shopify needs the store's address before it can show its consent page. */
export function ShopifyConnectForm({ shopId, available, defaultDomain }: ShopifyConnectFormProps) {
  const connect = useConnect(shopId, "shopify");
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { shopDomain: defaultDomain ?? "" },
  });

  const onSubmit = handleSubmit(async ({ shopDomain }) => {
    try {
      await connect.start(shopDomain);
    } catch (error) {
      // The server's "not a myshopify.com address" comes without a field: it can only mean this one.
      if (httpStatusOf(error) === 400 && !serverFieldErrors(error)) {
        setError("shopDomain", { message: describeError(error) }, { shouldFocus: true });
      } else {
        reportSubmitError(error, setError, { shopDomain: "Store address" });
      }
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Connect Shopify" className="flex flex-col gap-3">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="Store address"
          error={errors.shopDomain?.message}
          hint={
            available
              ? "Your store's myshopify.com address, such as juniper-and-pine.myshopify.com."
              : "This Omnify server has no Shopify app credentials, so it cannot connect Shopify yet. Whoever runs the server can add them."
          }
          className="min-w-0 flex-1"
        >
          {(control) => (
            <TextInput
              {...control}
              type="text"
              inputMode="url"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              placeholder="juniper-and-pine"
              {...register("shopDomain", { disabled: !available })}
            />
          )}
        </Field>
        {/* Lines up with the input, below the label. */}
        <div className="sm:pt-6">
          <SubmitButton
            variant="secondary"
            pending={isSubmitting || connect.pending}
            pendingLabel="Opening Shopify…"
            disabled={!available}
          >
            Connect Shopify
          </SubmitButton>
        </div>
      </div>
    </form>
  );
}
