import { getTranslations } from "next-intl/server";
import { formatPhone } from "@/lib/customers/phone";
import { cn } from "@/lib/cn";

/** A stored E.164 number shown the Brazilian way, as a tel: link so a softphone or a mobile dials it. */
export async function PhoneLink({ phone, className }: { phone: string; className?: string }) {
  const t = await getTranslations("common");
  const shown = formatPhone(phone);
  return (
    <a href={`tel:+${phone}`} title={t("callPhone", { phone: shown })} className={cn("tabular-nums underline-offset-4 hover:underline", className)}>
      {shown}
    </a>
  );
}
