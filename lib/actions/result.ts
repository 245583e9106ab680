export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/**
 * An error meant for the user: its code is a key under "errors" in the message catalogs.
 * Anything else thrown by a command is logged and reported as "unexpected".
 */
export class UserError extends Error {
  constructor(
    public code: string,
    public fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
  }
}
