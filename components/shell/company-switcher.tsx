"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { switchCompany } from "@/app/(app)/actions";
import { NativeSelect } from "@/components/ui/native-select";

type Props = { companies: { id: string; name: string }[]; currentId: string };

export function CompanySwitcher({ companies, currentId }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function onChange(companyId: string) {
    startTransition(async () => {
      const result = await switchCompany({ companyId });
      if (!result.ok) {
        toast.error(t(`errors.${result.error}`));
        return;
      }
      toast.success(t("shell.companyChanged", { name: companies.find((c) => c.id === companyId)?.name ?? "" }));
      router.refresh();
    });
  }

  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="hidden text-muted-foreground sm:inline">{t("shell.company")}</span>
      <NativeSelect
        aria-label={t("shell.switchCompany")}
        value={currentId}
        disabled={pending || companies.length < 2}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-[18rem]"
        data-testid="company-switcher"
      >
        {companies.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </NativeSelect>
    </label>
  );
}
