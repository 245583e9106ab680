"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { loginSchema } from "@/lib/auth/schema";
import type { ActionResult } from "@/lib/actions/result";
import { storableValues } from "@/lib/storable-text";

/** Only same-site paths, so the login page cannot be used to bounce users elsewhere. */
function safeNext(value: unknown) {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

// The one action anonymous callers may use: it is the door.
export async function login(raw: { email: string; password: string; next?: string }): Promise<
  ActionResult<null> & { retryAfterSeconds?: number }
> {
  // As in defineAction: a NUL would reach the e-mail lookup and fail it.
  const parsed = loginSchema.safeParse(storableValues(raw));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, error: "invalid_input", fieldErrors };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeNext(raw.next) });
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const [code, seconds] = error.code.split(":");
      if (code === "locked") return { ok: false, error: "locked", retryAfterSeconds: Number(seconds) || 60 };
      return { ok: false, error: "invalid_credentials" };
    }
    if (error instanceof AuthError) return { ok: false, error: "invalid_credentials" };
    throw error; // the redirect after a successful sign-in
  }
}
