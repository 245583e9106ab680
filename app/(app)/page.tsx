import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { visibleSections } from "@/lib/auth/sections";

export default async function HomePage() {
  const user = await requireUser();
  const first = visibleSections(user.permissions)[0];
  if (first) redirect(first.href);
  const t = await getTranslations("shell");
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("welcome", { name: user.name })}</h1>
      <p className="mt-2 text-muted-foreground">{t("noSections")}</p>
    </div>
  );
}
