"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImportReport } from "@/lib/phone/csv-import";

/**
 * CSV import of call records: Pré-visualizar checks the whole file (each bad line named); Importar sends it
 * again to be stored, only when the preview found no bad line. The file goes as the request body, streamed.
 */
export function CallImport() {
  const t = useTranslations("callImport");
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(mode: "preview" | "import") {
    if (!file) return;
    setBusy(true);
    try {
      const res = await fetch(`/api/pbx/import?mode=${mode}`, { method: "POST", body: file, headers: { "Content-Type": "text/csv" } });
      const body = (await res.json()) as { ok: boolean; report?: ImportReport; error?: string };
      if (!body.ok || !body.report) {
        toast.error(t(body.error === "too_large" ? "tooLarge" : "failed"));
        return;
      }
      setReport(body.report);
      if (mode === "import") {
        if (body.report.errorCount === 0) toast.success(t("imported", { stored: body.report.stored, duplicates: body.report.duplicates }));
        else toast.error(t("notImported"));
      }
    } catch {
      toast.error(t("failed"));
    } finally {
      setBusy(false);
    }
  }

  const reason = (e: ImportReport["errors"][number]) => t(`reasons.${e.reason}`, { field: e.field ?? "" });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-2">
        <div className="space-y-1.5">
          <Label htmlFor="csv-file">{t("file")}</Label>
          <Input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
          />
        </div>
        <Button type="button" variant="secondary" disabled={!file || busy} onClick={() => send("preview")}>{t("preview")}</Button>
        <Button type="button" disabled={!file || busy || !report || report.errorCount > 0 || report.valid === 0} onClick={() => send("import")}>
          {t("import", { count: report?.valid ?? 0 })}
        </Button>
      </div>
      {busy && <p className="text-sm text-muted-foreground" role="status">{t("working")}</p>}
      {report && (
        <div className="space-y-3" data-testid="import-report">
          <p className="text-sm" role="status">
            {t("summary", { lines: report.lines, valid: report.valid, errors: report.errorCount })}
            {report.format && <> · {t(`formats.${report.format}`)}</>}
          </p>
          {report.errors.length > 0 && (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("line")}</TableHead>
                  <TableHead>{t("reason")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.errors.map((e, i) => (
                  <TableRow key={i}>
                    <TableCell className="tabular-nums">{e.line}</TableCell>
                    <TableCell>{reason(e)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {report.errors.length === 0 && report.preview.length > 0 && (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>uniqueid</TableHead>
                  <TableHead>{t("src")}</TableHead>
                  <TableHead>{t("dst")}</TableHead>
                  <TableHead>{t("start")}</TableHead>
                  <TableHead>{t("disposition")}</TableHead>
                  <TableHead>{t("billsec")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.preview.map((p) => (
                  <TableRow key={p.uniqueid}>
                    <TableCell className="font-mono text-xs">{p.uniqueid}</TableCell>
                    <TableCell className="tabular-nums">{p.src}</TableCell>
                    <TableCell className="tabular-nums">{p.dst}</TableCell>
                    <TableCell className="tabular-nums">{new Date(p.start).toLocaleString("pt-BR", { timeZone: "America/Sao_Paulo" })}</TableCell>
                    <TableCell>{p.disposition}</TableCell>
                    <TableCell className="tabular-nums">{p.billsec}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      )}
    </div>
  );
}
