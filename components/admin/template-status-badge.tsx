import { Badge } from "@/components/ui/badge";

const VARIANTS = { APPROVED: "success", PENDING: "warning", REJECTED: "destructive" } as const;

/** Aprovado (green), Pendente (amber), Rejeitado (red); the label comes translated. */
export function TemplateStatusBadge({ status, label }: { status: "APPROVED" | "PENDING" | "REJECTED"; label: string }) {
  return (
    <Badge variant={VARIANTS[status]} data-status={status}>
      {label}
    </Badge>
  );
}
