import { ShieldX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default async function Forbidden() {
  const t = await getTranslations("auth");
  return (
    <main className="mx-auto max-w-xl py-16 text-center">
      <ShieldX className="mx-auto mb-4 size-10 text-destructive" aria-hidden />
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-2 text-muted-foreground">{t("forbiddenText")}</p>
      <Button asChild className="mt-6">
        <Link href="/">{t("goHome")}</Link>
      </Button>
    </main>
  );
}
