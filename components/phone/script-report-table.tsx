import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ScriptReport } from "@/lib/phone/script-engine";

/** A script's report: the wizard's step 7 and the ticket in Histórico. */
export function ScriptReportTable({ report }: { report: ScriptReport }) {
  const t = useTranslations("phone");
  return (
    <div className="space-y-2">
      <Table data-testid="script-report">
        <TableHeader>
          <TableRow>
            <TableHead>{t("question")}</TableHead>
            <TableHead>{t("answer")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {report.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={2} className="py-6 text-center text-muted-foreground">{t("emptyReport")}</TableCell>
            </TableRow>
          )}
          {report.items.map((item, i) => (
            <TableRow key={i}>
              <TableCell>{item.question}</TableCell>
              <TableCell>{item.answer}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="text-sm text-muted-foreground">
        {report.completed ? t("reportCompleted") : t("reportClosedEarly")}
        {report.outcome && <> · {t(`outcomes.${report.outcome}`)}</>}
      </p>
    </div>
  );
}
