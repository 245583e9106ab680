"use client";

import { Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { PERIODS } from "@/lib/agendas/period";
import type { WorklistParams } from "@/lib/agendas/schema";

type Option = { id: string; name: string };
type Props = {
  params: WorklistParams;
  companyId: string;
  companies: Option[];
  campaigns: Option[];
  teams: Option[];
  agents: Option[];
  /** Set when the user may not see other agents: the filter shows them, locked. */
  lockedAgent?: Option;
};

/**
 * The filters live in the URL (a GET form), so a view can be bookmarked, shared and reloaded. Each
 * change submits at once; the totalizer selection and the page start over.
 */
export function WorklistFilters({ params, companyId, companies, campaigns, teams, agents, lockedAgent }: Props) {
  const t = useTranslations("worklist");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [period, setPeriod] = useState(params.agenda);

  function submit(form: HTMLFormElement) {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (typeof value === "string" && value) query.set(key, value);
    }
    if (query.get("agenda") !== "periodo") {
      query.delete("de");
      query.delete("ate");
    }
    startTransition(() => router.push(`/atendimento?${query}`));
  }

  const field = "space-y-1";
  return (
    <form
      aria-label={t("filters")}
      className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-3 lg:grid-cols-7"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onChange={(e) => {
        const target = e.target as unknown as HTMLSelectElement;
        // Choosing "Período" waits for the dates and "Aplicar".
        if (target.tagName === "SELECT" && !(target.name === "agenda" && target.value === "periodo")) submit(e.currentTarget);
      }}
      aria-busy={pending}
    >
      <div className={field}>
        <Label htmlFor="f-empresa">{t("company")}</Label>
        <NativeSelect id="f-empresa" name="empresa" defaultValue={companyId}>
          {companies.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className={field}>
        <Label htmlFor="f-agenda">{t("period")}</Label>
        <NativeSelect id="f-agenda" name="agenda" defaultValue={params.agenda} onChange={(e) => setPeriod(e.target.value as typeof period)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`periods.${p}`)}
            </option>
          ))}
        </NativeSelect>
      </div>
      {period === "periodo" && (
        <div className="order-last flex flex-wrap items-end gap-2 sm:col-span-3 lg:col-span-7">
          <div className={field}>
            <Label htmlFor="f-de">{t("from")}</Label>
            <Input id="f-de" name="de" type="date" defaultValue={params.de} required className="w-44" />
          </div>
          <div className={field}>
            <Label htmlFor="f-ate">{t("to")}</Label>
            <Input id="f-ate" name="ate" type="date" defaultValue={params.ate} required className="w-44" />
          </div>
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
        </div>
      )}
      <div className={field}>
        <Label htmlFor="f-campanha">{t("campaign")}</Label>
        <NativeSelect id="f-campanha" name="campanha" defaultValue={params.campanha ?? ""}>
          <option value="">{t("allFem")}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className={field}>
        <Label htmlFor="f-time">{t("team")}</Label>
        <NativeSelect id="f-time" name="time" defaultValue={params.time ?? ""}>
          <option value="">{t("all")}</option>
          {teams.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className={field}>
        <Label htmlFor="f-agente" className="flex items-center gap-1">
          {t("agent")}
          {lockedAgent && <Lock className="size-3" aria-hidden />}
        </Label>
        {lockedAgent ? (
          <>
            <NativeSelect id="f-agente" disabled value={lockedAgent.id} aria-describedby="f-agente-lock">
              <option value={lockedAgent.id}>{lockedAgent.name}</option>
            </NativeSelect>
            <p id="f-agente-lock" className="text-xs text-muted-foreground">
              {t("agentLocked")}
            </p>
          </>
        ) : (
          <NativeSelect id="f-agente" name="agente" defaultValue={params.agente ?? ""}>
            <option value="">{t("all")}</option>
            {agents.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </div>
      <div className={field}>
        <Label htmlFor="f-origem">{t("origin")}</Label>
        <NativeSelect id="f-origem" name="origem" defaultValue={params.origem ?? ""}>
          <option value="">{t("allFem")}</option>
          <option value="automatica">{t("origins.automatica")}</option>
          <option value="manual">{t("origins.manual")}</option>
        </NativeSelect>
      </div>
    </form>
  );
}
