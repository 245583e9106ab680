import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Row = { id: string; text: string; reached: number; resolve: number; transfer: number; service_order: number; ended: number; abandoned: number };

/** Script analytics: per question, the runs that reached it and how many ended there, and how. */
export function ScriptStats({ runs, questions }: { runs: number; questions: Row[] }) {
  const t = useTranslations("scriptsAdmin");
  return (
    <section aria-labelledby="script-stats" className="space-y-2">
      <h2 id="script-stats" className="text-lg font-semibold">{t("statsTitle")}</h2>
      <p className="text-sm text-muted-foreground">{t("statsText", { runs })}</p>
      <Table data-testid="script-stats">
        <TableHeader>
          <TableRow>
            <TableHead>{t("statsQuestion")}</TableHead>
            <TableHead className="text-right">{t("statsReached")}</TableHead>
            <TableHead className="text-right">{t("statsResolved")}</TableHead>
            <TableHead className="text-right">{t("statsTransferred")}</TableHead>
            <TableHead className="text-right">{t("statsServiceOrder")}</TableHead>
            <TableHead className="text-right">{t("statsEnded")}</TableHead>
            <TableHead className="text-right">{t("statsAbandoned")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {questions.map((q, i) => (
            <TableRow key={q.id}>
              <TableCell>{i + 1}. {q.text}</TableCell>
              <TableCell className="text-right tabular-nums">{q.reached}</TableCell>
              <TableCell className="text-right tabular-nums">{q.resolve}</TableCell>
              <TableCell className="text-right tabular-nums">{q.transfer}</TableCell>
              <TableCell className="text-right tabular-nums">{q.service_order}</TableCell>
              <TableCell className="text-right tabular-nums">{q.ended}</TableCell>
              <TableCell className="text-right tabular-nums">{q.abandoned}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
