"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { FieldError } from "@/components/forms/field-error";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { login } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<Awaited<ReturnType<typeof login>> | null>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const response = await login({
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        next,
      });
      setResult(response);
    });
  }

  const failure = result && !result.ok ? result : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {failure && failure.error !== "invalid_input" && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>
            {failure.error === "locked"
              ? t("locked", { minutes: Math.ceil((failure.retryAfterSeconds ?? 60) / 60) })
              : t("invalid")}
          </AlertDescription>
        </Alert>
      )}
      <div className="space-y-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus
          aria-invalid={!!failure?.fieldErrors?.email} aria-describedby="email-error" />
        <FieldError id="email-error" errors={failure?.fieldErrors?.email} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required
          aria-invalid={!!failure?.fieldErrors?.password} aria-describedby="password-error" />
        <FieldError id="password-error" errors={failure?.fieldErrors?.password} />
      </div>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
