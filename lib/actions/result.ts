import type { ErrorCode } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: ErrorCode; fieldErrors?: Record<string, string[]> };

/** @deprecated import UserError from "@/lib/errors"; kept only until lib/chatbot moves its import. */
export { UserError } from "@/lib/errors";
