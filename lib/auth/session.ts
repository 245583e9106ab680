import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/index";
import { auth } from "./auth";
import { loadUserAccess, type UserAccess } from "./load-user-access";
import type { Permission } from "./permissions";
import { SECTIONS, type SectionKey } from "./sections";

export const COMPANY_COOKIE = "atende_company";

export type CurrentUser = UserAccess & {
  /** The company chosen in the top bar: one the user may access, else the home company. */
  companyId: string;
  companyIds: string[];
  can: (permission: Permission) => boolean;
};

/** Once per request (React cache): the session's user with permissions and companies, or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const access = await loadUserAccess(getDb(), userId);
  if (!access) return null;
  const companyIds = access.companies.map((c) => c.id);
  const chosen = (await cookies()).get(COMPANY_COOKIE)?.value;
  const companyId = chosen && companyIds.includes(chosen) ? chosen : access.homeCompanyId;
  return {
    ...access,
    companyId,
    companyIds,
    can: (permission) => access.permissions.includes(permission),
  };
});

/** For pages: anonymous → /login; without the permission → the 403 page. */
export async function requireUser(permission?: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (permission && !user.can(permission)) forbidden();
  return user;
}

/** For a section's pages: the user needs any of the section's permissions. */
export async function requireSection(key: SectionKey): Promise<CurrentUser> {
  const user = await requireUser();
  const section = SECTIONS.find((s) => s.key === key);
  if (!section || !section.anyOf.some((p) => user.can(p))) forbidden();
  return user;
}
