import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { UserForm } from "@/components/admin/user-form";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { isUuid } from "@/lib/ids";
import { getUser, userFormOptions } from "@/lib/org/users";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("users.manage");
  const { id } = await params;
  const db = getDb();
  const [target, options] = await Promise.all([isUuid(id) ? getUser(db, user, id) : null, userFormOptions(db, user)]);
  if (!target) notFound();
  const t = await getTranslations("users");
  return (
    <>
      <PageHeader title={t("edit")} description={target.email} />
      <UserForm options={options} user={target} />
    </>
  );
}
