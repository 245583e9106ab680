import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { UserForm } from "@/components/admin/user-form";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { userFormOptions } from "@/lib/org/users";

export default async function NewUserPage() {
  const user = await requireUser("users.manage");
  const t = await getTranslations("users");
  const options = await userFormOptions(getDb(), user);
  return (
    <>
      <PageHeader title={t("new")} />
      <UserForm options={options} />
    </>
  );
}
