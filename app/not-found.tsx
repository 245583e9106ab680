import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("auth");
  return (
    <main className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-muted-foreground">{t("notFoundText")}</p>
      <Button asChild className="mt-6">
        <Link href="/">{t("goHome")}</Link>
      </Button>
    </main>
  );
}
