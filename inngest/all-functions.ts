import type { InngestFunction } from "inngest";

/** Every Inngest function served at /api/inngest; the automation issue adds the jobs here. */
export const functions: InngestFunction.Any[] = [];
