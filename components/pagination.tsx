import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/** Server-rendered pagination: pages are links, so they work without JavaScript and keep the filters. */
export async function Pagination({
  page,
  pages,
  query,
  param = "page",
}: {
  page: number;
  pages: number;
  query: Record<string, string>;
  param?: string;
}) {
  const t = await getTranslations("common");
  const href = (p: number) => `?${new URLSearchParams({ ...query, [param]: String(p) })}`;
  return (
    <nav aria-label={t("pageOf", { page, pages })} className="mt-4 flex items-center justify-between text-sm">
      <span className="text-muted-foreground">{t("pageOf", { page, pages })}</span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm"><Link href={href(page - 1)}>{t("previous")}</Link></Button>
        ) : (
          <Button variant="outline" size="sm" disabled>{t("previous")}</Button>
        )}
        {page < pages ? (
          <Button asChild variant="outline" size="sm"><Link href={href(page + 1)}>{t("next")}</Link></Button>
        ) : (
          <Button variant="outline" size="sm" disabled>{t("next")}</Button>
        )}
      </div>
    </nav>
  );
}
