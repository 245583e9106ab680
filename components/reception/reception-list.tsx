"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { markAttendance, undoAttendance } from "@/app/(app)/recepcao/actions";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useActionToast } from "@/components/forms/use-action-toast";

export type ReceptionRow = {
  id: string;
  time: string;
  customerName: string;
  asset: string;
  service: string;
  status: "agendado" | "confirmado" | "compareceu" | "no_show" | "cancelado" | "remarcado";
  /** Still to happen (OPEN_APPOINTMENT_STATUSES): Compareceu and No-show apply. */
  open: boolean;
  /** Its start has passed: a no-show can be marked. */
  started: boolean;
  /** A Compareceu or a No-show marked here, which can be undone. */
  undoable: boolean;
};

const BADGE: Record<ReceptionRow["status"], BadgeProps["variant"]> = {
  agendado: "secondary",
  confirmado: "default",
  compareceu: "success",
  no_show: "destructive",
  cancelado: "outline",
  remarcado: "outline",
};

/**
 * Today's appointments at the front desk: check-in or no-show by hand, then the list refreshes. A mark
 * made by mistake is undone through "Desfazer", a link (`?desfazer=<id>`) to its confirmation.
 */
export function ReceptionList({ rows, undoId }: { rows: ReceptionRow[]; undoId: string | null }) {
  const t = useTranslations();
  const { toastError } = useActionToast();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [noShowOf, setNoShowOf] = useState<ReceptionRow | null>(null);
  const undoOf = rows.find((r) => r.id === undoId && r.undoable) ?? null;
  const closeUndo = () => router.replace("/recepcao", { scroll: false });

  function mark(row: ReceptionRow, outcome: "compareceu" | "no_show") {
    setBusyId(row.id);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof markAttendance>>;
      try {
        result = await markAttendance({ appointmentId: row.id, outcome });
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      setBusyId(null);
      if (!result.ok) {
        toastError(result.error);
      } else {
        toast.success(t(outcome === "compareceu" ? "reception.checkedIn" : "reception.markedNoShow", { name: row.customerName }));
      }
      router.refresh();
    });
  }

  function undo(row: ReceptionRow) {
    setBusyId(row.id);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof undoAttendance>>;
      try {
        result = await undoAttendance({ appointmentId: row.id });
      } catch {
        result = { ok: false, error: "unexpected" };
      }
      setBusyId(null);
      if (!result.ok) toastError(result.error);
      else toast.success(t("reception.undone", { name: row.customerName }));
      closeUndo();
      router.refresh();
    });
  }

  if (rows.length === 0) {
    return <p className="rounded-md border border-dashed p-8 text-center text-muted-foreground">{t("reception.empty")}</p>;
  }

  return (
    <>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("reception.time")}</TableHead>
            <TableHead>{t("reception.customer")}</TableHead>
            <TableHead>{t("reception.asset")}</TableHead>
            <TableHead>{t("reception.service")}</TableHead>
            <TableHead>{t("reception.statusLabel")}</TableHead>
            <TableHead>
              <span className="sr-only">{t("common.actions")}</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const { open } = row;
            const busy = pending && busyId === row.id;
            return (
              <TableRow key={row.id}>
                <TableCell className="font-medium tabular-nums">{row.time}</TableCell>
                <TableCell className="whitespace-normal">{row.customerName}</TableCell>
                <TableCell className="whitespace-normal text-muted-foreground">{row.asset || "—"}</TableCell>
                <TableCell className="whitespace-normal">{row.service || "—"}</TableCell>
                <TableCell>
                  <Badge variant={BADGE[row.status]}>{t(`reception.status.${row.status}`)}</Badge>
                </TableCell>
                <TableCell className="text-right">
                  {open && (
                    <div className="flex justify-end gap-2">
                      <Button size="sm" disabled={busy} onClick={() => mark(row, "compareceu")}>
                        {t("reception.checkIn")}
                        <span className="sr-only"> — {row.customerName}</span>
                      </Button>
                      {row.started ? (
                        <Button size="sm" variant="outline" disabled={busy} onClick={() => setNoShowOf(row)}>
                          {t("reception.noShow")}
                          <span className="sr-only"> — {row.customerName}</span>
                        </Button>
                      ) : (
                        <span className="self-center text-xs text-muted-foreground">{t("reception.noShowFrom", { time: row.time })}</span>
                      )}
                    </div>
                  )}
                  {row.undoable && (
                    <Link
                      href={`/recepcao?desfazer=${row.id}`}
                      scroll={false}
                      className="text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
                    >
                      {t("reception.undo")}
                      <span className="sr-only"> — {row.customerName}</span>
                    </Link>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <AlertDialog open={noShowOf !== null} onOpenChange={(o) => !o && setNoShowOf(null)}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("reception.noShowTitle")}</AlertDialogTitle>
            <AlertDialogDescription>
              {noShowOf && t("reception.noShowText", { name: noShowOf.customerName, time: noShowOf.time })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              onClick={() => {
                if (noShowOf) mark(noShowOf, "no_show");
                setNoShowOf(null);
              }}
            >
              {t("reception.confirmNoShow")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <AlertDialog open={undoOf !== null} onOpenChange={(o) => !o && closeUndo()}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>{t("reception.undoTitle")}</AlertDialogTitle>
            <AlertDialogDescription>
              {undoOf &&
                t(undoOf.status === "no_show" ? "reception.undoNoShowText" : "reception.undoCheckInText", { name: undoOf.customerName, time: undoOf.time })}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("common.cancel")}</AlertDialogCancel>
            <AlertDialogAction disabled={pending} onClick={() => undoOf && undo(undoOf)}>
              {t("reception.confirmUndo")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
