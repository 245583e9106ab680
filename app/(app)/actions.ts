"use server";

import { cookies } from "next/headers";
import { signOut } from "@/lib/auth/auth";
import { COMPANY_COOKIE } from "@/lib/auth/session";
import { defineAction } from "@/lib/actions/define-action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setLocaleSchema, switchCompanySchema } from "@/lib/org/schema";

const YEAR = 60 * 60 * 24 * 365;

export const switchCompany = defineAction({
  name: "switchCompany",
  schema: switchCompanySchema,
  permission: null,
  companyOf: (input) => input.companyId,
  async run(_db, input) {
    (await cookies()).set(COMPANY_COOKIE, input.companyId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: YEAR });
    return { companyId: input.companyId };
  },
  revalidate: ["/"],
});

export const setLocale = defineAction({
  name: "setLocale",
  schema: setLocaleSchema,
  permission: null,
  async run(_db, input) {
    (await cookies()).set(LOCALE_COOKIE, input.locale, { sameSite: "lax", path: "/", maxAge: YEAR });
    return { locale: input.locale };
  },
  revalidate: ["/"],
});

export async function logout() {
  await signOut({ redirectTo: "/login" });
}
