import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Row = { id: string; name: string; companyName: string; memberCount: number; isPa?: boolean };

export async function GroupTable({ kind, rows }: { kind: "teams" | "queues"; rows: Row[] }) {
  const t = await getTranslations();
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t(`${kind}.name`)}</TableHead>
          <TableHead>{t(`${kind}.company`)}</TableHead>
          <TableHead className="text-right">{t(`${kind}.members`)}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={3} className="text-center text-muted-foreground">{t("common.empty")}</TableCell>
          </TableRow>
        )}
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell>
              <Link href={`/admin/${kind}/${row.id}`} className="font-medium underline-offset-4 hover:underline">{row.name}</Link>
              {row.isPa && <Badge variant="secondary" className="ml-2">{t("teams.isPa")}</Badge>}
            </TableCell>
            <TableCell>{row.companyName}</TableCell>
            <TableCell className="text-right tabular-nums">{row.memberCount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
