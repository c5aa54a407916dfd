import { authClient, describeAuthError, useTRPC } from "@omnify/client";
import { AuthLayout, Button, FormAlert } from "@omnify/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { SignOutButton } from "../components/sign-out-button.tsx";

type Notice = { tone: "success" | "error" | "info"; text: string } | null;

/** Signed in, address not yet confirmed: wait for the emailed link, or send it again. */
export function VerifyEmailPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const email = useQuery(trpc.account.me.queryOptions()).data?.user?.email ?? "";
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState<"resend" | "check" | null>(null);

  async function resend() {
    setBusy("resend");
    const { error } = await authClient.sendVerificationEmail({ email, callbackURL: "/email-verified" });
    setBusy(null);
    setNotice(
      error
        ? { tone: "error", text: describeAuthError(error) }
        : { tone: "success", text: `We sent a new link to ${email}.` },
    );
  }

  // For when the link was opened in another tab or on another device.
  async function check() {
    setBusy("check");
    const { user } = await queryClient.fetchQuery({ ...trpc.account.me.queryOptions(), staleTime: 0 });
    setBusy(null);
    if (user?.emailVerified) {
      await navigate({ to: "/" });
    } else {
      setNotice({
        tone: "info",
        text: "Your address is not verified yet. Open the link in the email first.",
      });
    }
  }

  return (
    <>
      <title>Verify your email · Omnify</title>
      <AuthLayout
        title="Check your inbox"
        description={
          <>
            We sent a verification link to <strong className="font-medium text-slate-900">{email}</strong>.
            Open it to finish setting up your account.
          </>
        }
        footer={
          <p className="flex flex-wrap items-center gap-x-1">
            Wrong address? <SignOutButton label="Sign out" size="sm" /> and create the account again.
          </p>
        }
      >
        <div className="flex flex-col gap-4">
          {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
          <p className="text-sm text-slate-600">
            The link works for 24 hours. Nothing arrived after a few minutes? Check your spam folder, or send
            it again.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => void resend()} disabled={busy !== null || !email}>
              {busy === "resend" ? "Sending…" : "Send the link again"}
            </Button>
            <Button variant="secondary" onClick={() => void check()} disabled={busy !== null}>
              {busy === "check" ? "Checking…" : "I have verified my email"}
            </Button>
          </div>
        </div>
      </AuthLayout>
    </>
  );
}
