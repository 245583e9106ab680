import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import { WIZARD_STEPS } from "@/lib/phone/wizard-state";

/** The eight steps of Novo Atendimento, the current one marked (aria-current="step"). */
export function WizardSteps({ current }: { current: number }) {
  const t = useTranslations("phone");
  return (
    <ol className="flex flex-wrap gap-1 text-xs" aria-label={t("stepsLabel")}>
      {WIZARD_STEPS.map((s) => (
        <li
          key={s}
          aria-current={s === current ? "step" : undefined}
          className={cn(
            "rounded-full border px-3 py-1",
            s === current && "border-primary bg-primary text-primary-foreground",
            s < current && "text-muted-foreground",
          )}
        >
          {s}. {t(`steps.${s}`)}
        </li>
      ))}
    </ol>
  );
}
