import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db/index";
import type { Db } from "@/db/client";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Permission } from "@/lib/auth/permissions";
import { systemClock, type Clock } from "@/lib/clock";
import { UserError } from "@/lib/errors";
import { storableValues } from "@/lib/storable-text";
import type { ActionResult } from "./result";

export type ActionContext = {
  user: CurrentUser;
  userId: string;
  companyId: string;
  companyIds: string[];
  clock: Clock;
};

type Options<S extends z.ZodType, T> = {
  /** Names the action in the server log when it fails unexpectedly. */
  name: string;
  schema: S;
  /** null only for actions any signed-in user may call (switching company, theme). */
  permission: Permission | null;
  /** The company the input acts on, checked against the user's companies before the command runs. */
  companyOf?: (input: z.output<S>) => string | undefined;
  run: (db: Db, input: z.output<S>, ctx: ActionContext) => Promise<T>;
  revalidate?: string[];
};

/**
 * The one way to write a server action: session → parse → permission → company scope → command →
 * revalidate → closed result. Every action is a public endpoint, so nothing is skipped, and the session
 * comes first so that an anonymous caller learns nothing of the input's schema.
 */
export function defineAction<S extends z.ZodType, T>(options: Options<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "unauthenticated" };
    // Stripped before parsing so no form field can carry a NUL into the database (every text, one place).
    const parsed = options.schema.safeParse(storableValues(raw));
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_form";
        // One check failing two ways (an empty name is both too short and off the pattern) says it once.
        const messages = (fieldErrors[key] ??= []);
        if (!messages.includes(issue.message)) messages.push(issue.message);
      }
      return { ok: false, error: "invalid_input", fieldErrors };
    }
    if (options.permission && !user.can(options.permission)) return { ok: false, error: "forbidden" };
    const companyId = options.companyOf?.(parsed.data);
    if (companyId !== undefined && !user.companyIds.includes(companyId)) return { ok: false, error: "forbidden" };
    try {
      const data = await options.run(getDb(), parsed.data, {
        user,
        userId: user.id,
        companyId: user.companyId,
        companyIds: user.companyIds,
        clock: systemClock,
      });
      for (const path of options.revalidate ?? []) revalidatePath(path, "layout");
      return { ok: true, data };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, error: error.code, fieldErrors: error.fieldErrors };
      console.error(`[atende] action ${options.name} failed`, error);
      return { ok: false, error: "unexpected" };
    }
  };
}
