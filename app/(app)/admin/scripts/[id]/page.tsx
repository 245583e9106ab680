import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/admin/page-header";
import { ScriptEditor } from "@/components/phone/script-editor";
import { ScriptStats } from "@/components/phone/script-stats";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { DEFAULT_TIME_ZONE, formatDateTime } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { scriptAnalytics } from "@/lib/phone/script-analytics";
import { getScript } from "@/lib/phone/scripts";

export default async function ScriptPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser("settings.manage");
  const { id } = await params;
  const db = getDb();
  const script = isUuid(id) ? await getScript(db, user.companyIds, id) : null;
  if (!script) notFound();
  const [t, stats] = await Promise.all([getTranslations("scriptsAdmin"), scriptAnalytics(db, script.id)]);
  return (
    <>
      <PageHeader
        title={script.name}
        description={script.savedAt ? t("versionSaved", { version: script.version, date: formatDateTime(script.savedAt, DEFAULT_TIME_ZONE) }) : undefined}
      />
      <div className="space-y-8">
        <ScriptEditor companyId={script.companyId} script={{ id: script.id, name: script.name, planName: script.planName, definition: script.definition }} />
        {script.definition && (
          <ScriptStats
            runs={stats.runs}
            questions={script.definition.questions.map((q) => ({ id: q.id, text: q.text, ...(stats.perQuestion.get(q.id) ?? { reached: 0, resolve: 0, transfer: 0, service_order: 0, ended: 0, abandoned: 0 }) }))}
          />
        )}
      </div>
    </>
  );
}
