import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { RoleForm } from "@/components/admin/role-form";
import { requireUser } from "@/lib/auth/session";

export default async function NewRolePage() {
  await requireUser("users.manage");
  const t = await getTranslations("roles");
  return (
    <>
      <PageHeader title={t("new")} />
      <RoleForm />
    </>
  );
}
