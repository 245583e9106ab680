import { Construction } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/session";
import type { SectionKey } from "@/lib/auth/sections";

/** A section owned by a later release: permission-checked like the real page, with an honest notice. */
export async function ComingSoon({ section }: { section: SectionKey }) {
  await requireSection(section);
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <Construction className="mx-auto mb-4 size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold">{t(`nav.${section}`)}</h1>
      <p className="mt-1 inline-block rounded-full bg-muted px-3 py-1 text-xs font-medium">{t("common.comingSoon")}</p>
      <p className="mt-4 text-muted-foreground">{t("common.comingSoonText")}</p>
    </div>
  );
}
