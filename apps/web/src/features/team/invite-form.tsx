import { zodResolver } from "@hookform/resolvers/zod";
import { useTRPC } from "@omnify/client";
import { Field, FormAlert, Select, TextInput } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { emailField, invitableRoleField, personaField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { reportSubmitError } from "../../forms/submit-error.ts";
import { invitableRoles, roleDescriptions, roleLabels } from "../shops/labels.ts";
import { PersonaOptions } from "../shops/persona-options.tsx";
import { useRefreshTeam } from "./use-refresh-team.ts";

const schema = z.object({ email: emailField, role: invitableRoleField, persona: personaField });
type Values = z.input<typeof schema>;
const defaults: Values = { email: "", role: "member", persona: "marketer" };

export function InviteForm({ shopId }: { shopId: string }) {
  const trpc = useTRPC();
  const refreshTeam = useRefreshTeam(shopId);
  const invite = useMutation(trpc.team.invite.mutationOptions());
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
  });

  const onSubmit = handleSubmit(async (values) => {
    setSentTo(null);
    try {
      await invite.mutateAsync({ shopId, ...values });
    } catch (error) {
      reportSubmitError(error, setError, { email: "Email", role: "Role", persona: "Persona" });
      return;
    }
    await refreshTeam();
    // Role and persona often repeat for the next teammate; the address does not.
    reset({ ...values, email: "" });
    setSentTo(values.email);
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Invite a teammate" className="flex flex-col gap-4">
      {errors.root ? <FormAlert>{errors.root.message}</FormAlert> : null}
      {sentTo ? <FormAlert tone="success">Invitation sent to {sentTo}.</FormAlert> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Email" error={errors.email?.message}>
          {(control) => <TextInput {...control} type="email" autoComplete="off" {...register("email")} />}
        </Field>
        <Field label="Role" error={errors.role?.message} hint={roleDescriptions[watch("role")]}>
          {(control) => (
            <Select {...control} {...register("role")}>
              {invitableRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Persona" error={errors.persona?.message}>
          {(control) => (
            <Select {...control} {...register("persona")}>
              <PersonaOptions />
            </Select>
          )}
        </Field>
      </div>
      <div>
        <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
          Send invitation
        </SubmitButton>
      </div>
    </form>
  );
}
