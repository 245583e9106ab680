import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TOTALIZERS, type Totalizer } from "@/lib/agendas/totalizers";
import type { WorklistTotals } from "@/lib/agendas/worklist";
import { cn } from "@/lib/cn";

/** The seven counts; each is a link that filters the list by it, and unfilters when selected. */
export async function Totalizers({
  totals,
  selected,
  hrefFor,
}: {
  totals: WorklistTotals;
  selected?: Totalizer;
  hrefFor: (totalizer: Totalizer | undefined) => string;
}) {
  const t = await getTranslations("worklist");
  return (
    <nav aria-label={t("totalizers")} className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
      {TOTALIZERS.map((key) => {
        const active = selected === key;
        return (
          <Link
            key={key}
            href={hrefFor(active ? undefined : key)}
            aria-current={active ? "true" : undefined}
            data-testid={`total-${key}`}
            className={cn(
              "rounded-lg border bg-card p-3 transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
              active && "border-primary bg-primary/10 ring-1 ring-primary",
            )}
          >
            <span className="block text-xs font-medium text-muted-foreground">{t(`totals.${key}`)}</span>
            <span className="block text-2xl font-semibold tabular-nums" data-testid={`total-${key}-count`}>
              {totals[key]}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
