"use client";

import { Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
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

/** Keys that move a closed select's choice in Chromium and Firefox, firing `change` at every step. */
const STEP_KEYS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * The filters live in the URL (a GET form), so a view can be bookmarked, shared and reloaded. A choice
 * made with the mouse applies at once; one made with the arrow keys applies on Enter or when the field is
 * left, not at every option passed on the way. The totalizer selection and the page start over.
 */
export function WorklistFilters({ params, companyId, companies, campaigns, teams, agents, lockedAgent }: Props) {
  const t = useTranslations("worklist");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [period, setPeriod] = useState(params.agenda);
  const [rangeError, setRangeError] = useState(false);
  // The select whose choice was moved by the keyboard and not applied yet.
  const stepped = useRef<HTMLSelectElement | null>(null);

  function submit(form: HTMLFormElement) {
    stepped.current = null;
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      // A blank date is no date: it leaves the URL instead of keeping the last one applied.
      if (typeof value === "string" && value) query.set(key, value);
    }
    if (query.get("agenda") !== "periodo") {
      query.delete("de");
      query.delete("ate");
    }
    const from = query.get("de");
    const to = query.get("ate");
    if (query.get("agenda") === "periodo" && from && to && from > to) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    const next = `/atendimento?${query}`;
    if (next === `${window.location.pathname}${window.location.search}`) return;
    startTransition(() => router.push(next));
  }

  // Choosing "Período" waits for the dates and "Aplicar".
  const appliesAtOnce = (select: HTMLSelectElement) => !(select.name === "agenda" && select.value === "periodo");

  const field = "space-y-1";
  return (
    <form
      aria-label={t("filters")}
      className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-3 lg:grid-cols-7"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (!(target instanceof HTMLSelectElement)) return;
        // Alt+↓ and Space open the list, where the choice is committed once, with Enter or a click.
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (STEP_KEYS.has(e.key) || (e.key.length === 1 && e.key !== " ")) {
          stepped.current = target;
        } else if (e.key === "Enter" && stepped.current === target) {
          e.preventDefault();
          if (appliesAtOnce(target)) submit(e.currentTarget);
          else stepped.current = null;
        }
      }}
      onChange={(e) => {
        const target = e.target as unknown as HTMLSelectElement;
        if (target.tagName !== "SELECT" || stepped.current === target) return;
        if (appliesAtOnce(target)) submit(e.currentTarget);
      }}
      onBlur={(e) => {
        const target = e.target as unknown as HTMLSelectElement;
        if (stepped.current !== target) return;
        stepped.current = null;
        if (appliesAtOnce(target)) submit(e.currentTarget);
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
            <Input id="f-de" name="de" type="date" defaultValue={params.de} className="w-44" onChange={() => setRangeError(false)} />
          </div>
          <div className={field}>
            <Label htmlFor="f-ate">{t("to")}</Label>
            <Input
              id="f-ate"
              name="ate"
              type="date"
              defaultValue={params.ate}
              className="w-44"
              aria-invalid={rangeError || undefined}
              aria-describedby={rangeError ? "f-ate-error" : undefined}
              onChange={() => setRangeError(false)}
            />
          </div>
          <Button type="submit" variant="secondary">
            {t("apply")}
          </Button>
          {rangeError && (
            <p id="f-ate-error" role="alert" className="basis-full text-sm text-destructive">
              {t("reversedRange")}
            </p>
          )}
          <p className="basis-full text-xs text-muted-foreground">{t("rangeHint")}</p>
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
        <Label htmlFor="f-busca">{t("search")}</Label>
        {/* Applied with Enter (the form's submit), like the other filters it lives in the URL. */}
        <Input id="f-busca" name="busca" type="search" defaultValue={params.busca ?? ""} placeholder={t("searchPlaceholder")} maxLength={100} />
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
