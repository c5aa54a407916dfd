import { zodResolver } from "@hookform/resolvers/zod";
import { useTRPC } from "@omnify/client";
import { FormAlert } from "@omnify/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { Member, ShopRole } from "../../api-types.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { personaField, roleField } from "../../forms/fields.ts";
import { SubmitButton } from "../../forms/submit-button.tsx";
import { reportSubmitError } from "../../forms/submit-error.ts";
import { personaLabels, roleLabels } from "../shops/labels.ts";
import { PersonaOptions } from "../shops/persona-options.tsx";
import { LabelledSelect } from "./labelled-select.tsx";
import { useRefreshTeam } from "./use-refresh-team.ts";

const schema = z.object({ role: roleField, persona: personaField });
type Values = z.output<typeof schema>;

export interface MemberAccessFormProps {
  shopId: string;
  shopName: string;
  member: Member;
  /** Roles the viewer may give; empty when they may not change this member's role. */
  roleChoices: readonly ShopRole[];
  canEditPersona: boolean;
}

/** A member's role and persona, each editable only where the viewer's permissions allow. */
export function MemberAccessForm({
  shopId,
  shopName,
  member,
  roleChoices,
  canEditPersona,
}: MemberAccessFormProps) {
  const trpc = useTRPC();
  const refreshTeam = useRefreshTeam(shopId);
  const changeRole = useMutation(trpc.team.changeRole.mutationOptions());
  const setPersona = useMutation(trpc.team.setPersona.mutationOptions());
  const [awaitingConfirmation, setAwaitingConfirmation] = useState<Values | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm<z.input<typeof schema>, unknown, Values>({
    resolver: zodResolver(schema),
    values: { role: member.role, persona: member.persona },
    resetOptions: { keepDirtyValues: true },
  });

  async function save(values: Values) {
    setAwaitingConfirmation(null);
    setSaving(true);
    setSaved(false);
    try {
      if (values.role !== member.role) {
        await changeRole.mutateAsync({ shopId, memberId: member.id, role: values.role });
      }
      if (values.persona !== member.persona) {
        await setPersona.mutateAsync({ shopId, memberId: member.id, persona: values.persona });
      }
      await refreshTeam();
      setSaved(true);
    } catch (error) {
      reportSubmitError(error, setError, { role: "Role", persona: "Persona" });
      // A role change may have gone through before a persona change failed.
      await refreshTeam();
    } finally {
      setSaving(false);
    }
  }

  const onSubmit = handleSubmit(async (values) => {
    const grantsOwner = values.role === "owner" && member.role !== "owner";
    const changesOwnRole = member.isYou && values.role !== member.role;
    if (grantsOwner || changesOwnRole) setAwaitingConfirmation(values);
    else await save(values);
  });

  const canEditRole = roleChoices.length > 0;
  const who = member.isYou ? "yourself" : member.name;
  const confirmation = confirmationText(awaitingConfirmation, member, shopName);

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-2 md:items-end">
      <div className="flex flex-wrap items-end gap-2">
        {canEditRole ? (
          <LabelledSelect label="Role" labelSuffix={`of ${who}`} className="w-36" {...register("role")}>
            {/* The current role stays listed even if the viewer could not grant it. */}
            {(roleChoices.includes(member.role) ? roleChoices : [member.role, ...roleChoices]).map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </LabelledSelect>
        ) : (
          <ReadOnly label="Role" value={roleLabels[member.role]} />
        )}
        {canEditPersona ? (
          <LabelledSelect label="Persona" labelSuffix={`of ${who}`} className="w-40" {...register("persona")}>
            <PersonaOptions />
          </LabelledSelect>
        ) : (
          <ReadOnly label="Persona" value={personaLabels[member.persona]} />
        )}
        <SubmitButton pending={saving} disabled={!isDirty} size="sm" variant="secondary">
          Save<span className="sr-only"> changes for {who}</span>
        </SubmitButton>
      </div>
      {errors.role?.message || errors.persona?.message || errors.root?.message ? (
        <FormAlert>{errors.role?.message ?? errors.persona?.message ?? errors.root?.message}</FormAlert>
      ) : null}
      {saved && !isDirty ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved.
        </p>
      ) : null}
      <ConfirmDialog
        open={awaitingConfirmation !== null}
        title={confirmation.title}
        confirmLabel={confirmation.confirmLabel}
        onConfirm={() => awaitingConfirmation && void save(awaitingConfirmation)}
        onCancel={() => setAwaitingConfirmation(null)}
      >
        {confirmation.body}
      </ConfirmDialog>
    </form>
  );
}

function confirmationText(values: Values | null, member: Member, shopName: string) {
  if (values?.role === "owner" && !member.isYou) {
    return {
      title: `Make ${member.name} an owner?`,
      body: `Owners have full control of ${shopName}, including removing other owners.`,
      confirmLabel: "Make owner",
    };
  }
  const newRole = values ? roleLabels[values.role].toLowerCase() : "";
  return {
    title: "Change your own role?",
    body: `You will be ${/^[aeiou]/.test(newRole) ? "an" : "a"} ${newRole} of ${shopName}, and may lose access to what you manage now. Only someone else can give it back.`,
    confirmLabel: "Change my role",
  };
}

function ReadOnly({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-24">
      <p className="mb-1 text-xs font-medium text-slate-600">{label}</p>
      <p className="py-1.5 text-sm text-slate-900">{value}</p>
    </div>
  );
}
