"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { saveScript } from "@/app/(app)/admin/scripts/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { SCRIPT_OUTCOMES, validateScript, type ScriptDefinition, type ScriptOption, type ScriptProblem, type ScriptQuestion } from "@/lib/phone/script-engine";
import { ScriptPreview } from "./script-preview";

type Props = { companyId: string; script: { id: string; name: string; planName: string | null; definition: ScriptDefinition | null } | null };

const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;
const blankQuestion = (): ScriptQuestion => ({ id: newId("q"), text: "", customerHelp: "", operatorHelp: "", options: [{ id: newId("o"), label: "", next: null, outcome: null }] });

/**
 * The script's questions, explanations and options (each leading to a question or to the end with an
 * optional outcome). The graph is checked as it is edited (the same validateScript the server runs).
 */
export function ScriptEditor({ companyId, script }: Props) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [name, setName] = useState(script?.name ?? "");
  const [planName, setPlanName] = useState(script?.planName ?? "");
  const [def, setDef] = useState<ScriptDefinition>(() => {
    if (script?.definition) return script.definition;
    const first = blankQuestion();
    return { start: first.id, questions: [first] };
  });
  const [preview, setPreview] = useState(false);
  const problems = validateScript(def);
  const label = (id: string) => {
    const i = def.questions.findIndex((q) => q.id === id);
    return i < 0 ? id : `${i + 1}. ${def.questions[i].text || t("scriptsAdmin.untitled")}`;
  };
  const describe = (p: ScriptProblem) => t(`scriptsAdmin.problems.${p.code}`, { question: "questionId" in p ? label(p.questionId) : "" });

  const setQuestion = (id: string, change: Partial<ScriptQuestion>) =>
    setDef((d) => ({ ...d, questions: d.questions.map((q) => (q.id === id ? { ...q, ...change } : q)) }));
  const setOption = (qid: string, oid: string, change: Partial<ScriptOption>) =>
    setDef((d) => ({
      ...d,
      questions: d.questions.map((q) => (q.id === qid ? { ...q, options: q.options.map((o) => (o.id === oid ? { ...o, ...change } : o)) } : q)),
    }));
  const removeQuestion = (id: string) =>
    setDef((d) => {
      const questions = d.questions.filter((q) => q.id !== id).map((q) => ({ ...q, options: q.options.map((o) => (o.next === id ? { ...o, next: null } : o)) }));
      return { start: d.start === id ? (questions[0]?.id ?? "") : d.start, questions };
    });

  function save() {
    startTransition(async () => {
      const result = await saveScript({ companyId, scriptId: script?.id, name, planName, definition: def });
      if (!result.ok) {
        toast.error(t.has(`errors.${result.error}`) ? t(`errors.${result.error}`) : t("errors.unexpected"));
        return;
      }
      toast.success(t("scriptsAdmin.saved", { version: result.data.version }));
      if (!script) router.push(`/admin/scripts/${result.data.scriptId}`);
      else router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <Label htmlFor="s-name">{t("scriptsAdmin.name")}</Label>
          <Input id="s-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="s-plan">{t("scriptsAdmin.planName")}</Label>
          <Input id="s-plan" value={planName} onChange={(e) => setPlanName(e.target.value)} aria-describedby="s-plan-hint" />
          <p id="s-plan-hint" className="text-xs text-muted-foreground">{t("scriptsAdmin.planHint")}</p>
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="s-start">{t("scriptsAdmin.start")}</Label>
          <NativeSelect id="s-start" value={def.start} onChange={(e) => setDef((d) => ({ ...d, start: e.target.value }))}>
            {def.questions.map((q) => (
              <option key={q.id} value={q.id}>{label(q.id)}</option>
            ))}
          </NativeSelect>
        </div>
      </div>

      <ol className="space-y-4">
        {def.questions.map((q, qi) => (
          <li key={q.id} className="space-y-3 rounded-lg border p-4" aria-label={t("scriptsAdmin.questionN", { n: qi + 1 })}>
            <div className="flex items-start justify-between gap-2">
              <h3 className="font-medium">{t("scriptsAdmin.questionN", { n: qi + 1 })}</h3>
              <Button type="button" variant="ghost" size="sm" onClick={() => removeQuestion(q.id)} disabled={def.questions.length === 1}>
                {t("scriptsAdmin.removeQuestion")}
              </Button>
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={`${q.id}-text`}>{t("phone.question")}</Label>
              <Input id={`${q.id}-text`} value={q.text} onChange={(e) => setQuestion(q.id, { text: e.target.value })} />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <div className="space-y-1.5">
                <Label htmlFor={`${q.id}-customer`}>{t("phone.customerHelp")}</Label>
                <Textarea id={`${q.id}-customer`} rows={2} value={q.customerHelp} onChange={(e) => setQuestion(q.id, { customerHelp: e.target.value })} />
              </div>
              <div className="space-y-1.5">
                <Label htmlFor={`${q.id}-operator`}>{t("phone.operatorHelp")}</Label>
                <Textarea id={`${q.id}-operator`} rows={2} value={q.operatorHelp} onChange={(e) => setQuestion(q.id, { operatorHelp: e.target.value })} />
              </div>
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t("phone.options")}</legend>
              {q.options.map((o, oi) => (
                <div key={o.id} className="grid items-end gap-2 sm:grid-cols-[2fr_2fr_1.5fr_auto]">
                  <div className="space-y-1">
                    <Label htmlFor={`${o.id}-label`} className="text-xs">{t("scriptsAdmin.optionN", { n: oi + 1 })}</Label>
                    <Input id={`${o.id}-label`} value={o.label} onChange={(e) => setOption(q.id, o.id, { label: e.target.value })} />
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor={`${o.id}-next`} className="text-xs">{t("scriptsAdmin.leadsTo")}</Label>
                    <NativeSelect
                      id={`${o.id}-next`}
                      value={o.next ?? ""}
                      onChange={(e) => setOption(q.id, o.id, { next: e.target.value || null, outcome: e.target.value ? null : o.outcome })}
                    >
                      <option value="">{t("scriptsAdmin.end")}</option>
                      {def.questions.map((target) => (
                        <option key={target.id} value={target.id}>{label(target.id)}</option>
                      ))}
                    </NativeSelect>
                  </div>
                  <div className="space-y-1">
                    <Label htmlFor={`${o.id}-outcome`} className="text-xs">{t("scriptsAdmin.outcome")}</Label>
                    <NativeSelect
                      id={`${o.id}-outcome`}
                      value={o.outcome ?? ""}
                      disabled={o.next !== null}
                      onChange={(e) => setOption(q.id, o.id, { outcome: (e.target.value || null) as ScriptOption["outcome"] })}
                    >
                      <option value="">{t("scriptsAdmin.noOutcome")}</option>
                      {SCRIPT_OUTCOMES.map((k) => (
                        <option key={k} value={k}>{t(`phone.outcomes.${k}`)}</option>
                      ))}
                    </NativeSelect>
                  </div>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    onClick={() => setQuestion(q.id, { options: q.options.filter((x) => x.id !== o.id) })}
                    aria-label={`${t("scriptsAdmin.removeOption")} ${oi + 1}`}
                  >
                    {t("scriptsAdmin.removeOption")}
                  </Button>
                </div>
              ))}
              <Button type="button" variant="outline" size="sm" onClick={() => setQuestion(q.id, { options: [...q.options, { id: newId("o"), label: "", next: null, outcome: null }] })}>
                {t("scriptsAdmin.addOption")}
              </Button>
            </fieldset>
          </li>
        ))}
      </ol>
      <Button type="button" variant="outline" onClick={() => setDef((d) => ({ ...d, questions: [...d.questions, blankQuestion()] }))}>
        {t("scriptsAdmin.addQuestion")}
      </Button>

      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-destructive/50 p-3 text-sm text-destructive" data-testid="script-problems">
          <p className="font-medium">{t("scriptsAdmin.problemsTitle")}</p>
          <ul className="list-disc pl-5">
            {problems.map((p, i) => (
              <li key={i}>{describe(p)}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={save} disabled={pending}>
          {pending ? t("common.saving") : t("scriptsAdmin.saveVersion")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setPreview((v) => !v)} aria-expanded={preview} disabled={problems.length > 0}>
          {preview ? t("scriptsAdmin.closePreview") : t("scriptsAdmin.preview")}
        </Button>
      </div>
      {preview && problems.length === 0 && <ScriptPreview definition={def} />}
    </div>
  );
}
