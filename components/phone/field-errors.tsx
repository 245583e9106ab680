"use client";

import { FieldError } from "@/components/forms/field-error";

/** The errors of one field of a wizard step, announced (role=alert) beside it. */
export function StepError({ errors, name, id }: { errors?: Record<string, string[]>; name: string; id?: string }) {
  return <FieldError id={id} errors={errors?.[name]} />;
}
