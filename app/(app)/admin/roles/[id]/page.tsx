import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { RoleForm } from "@/components/admin/role-form";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getRole } from "@/lib/org/roles";

export default async function EditRolePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("users.manage");
  const { id } = await params;
  const role = isUuid(id) ? await getRole(getDb(), id) : null;
  if (!role) notFound();
  const t = await getTranslations("roles");
  return (
    <>
      <PageHeader title={t("edit")} description={role.name} />
      <RoleForm role={role} />
    </>
  );
}
