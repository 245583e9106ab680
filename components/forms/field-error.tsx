"use client";

import { useTranslations } from "next-intl";

/** Field errors arrive as keys of the "validation" catalog (the zod schemas' messages). */
export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  const t = useTranslations("validation");
  if (!errors?.length) return null;
  return (
    <p id={id} className="text-sm text-destructive" role="alert">
      {[...new Set(errors.map((key) => (t.has(key) ? t(key) : t("invalid"))))].join(" ")}
    </p>
  );
}
