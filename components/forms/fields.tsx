"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useFieldErrors, useFieldId } from "./action-form";
import { FieldError } from "./field-error";

type Base = { name: string; label: string; hint?: string; required?: boolean };

function FieldShell({ name, label, hint, required, children }: Base & { children: React.ReactNode }) {
  const errors = useFieldErrors(name);
  const id = useFieldId(name);
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>
        {label}
        {required && <span aria-hidden className="text-destructive"> *</span>}
      </Label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

function useA11y(name: string, hint?: string) {
  const id = useFieldId(name);
  const invalid = !!useFieldErrors(name);
  return {
    id,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" "),
  };
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  inputMode,
  placeholder,
  ...base
}: Base & {
  type?: string;
  defaultValue?: string | number | null;
  autoComplete?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  placeholder?: string;
}) {
  const a11y = useA11y(base.name, base.hint);
  return (
    <FieldShell {...base}>
      <Input
        {...a11y}
        type={type}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        required={base.required}
      />
    </FieldShell>
  );
}

export function TextAreaField({ defaultValue, ...base }: Base & { defaultValue?: string | null }) {
  const a11y = useA11y(base.name, base.hint);
  return (
    <FieldShell {...base}>
      <Textarea {...a11y} defaultValue={defaultValue ?? ""} rows={3} />
    </FieldShell>
  );
}

export function SelectField({
  options,
  defaultValue,
  placeholder,
  ...base
}: Base & { options: { value: string; label: string }[]; defaultValue?: string | null; placeholder?: string }) {
  const a11y = useA11y(base.name, base.hint);
  return (
    <FieldShell {...base}>
      <NativeSelect {...a11y} defaultValue={defaultValue ?? ""} required={base.required}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
    </FieldShell>
  );
}

export function SwitchField({ name, label, hint, defaultChecked }: Omit<Base, "required"> & { defaultChecked?: boolean }) {
  const errors = useFieldErrors(name);
  const id = useFieldId(name);
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-3">
        <Switch id={id} name={name} defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} />
        <Label htmlFor={id}>{label}</Label>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError errors={errors} />
    </div>
  );
}

/** A group of checkboxes sharing one name: the action receives the checked values as a list. */
export function CheckboxGroupField({
  name,
  label,
  hint,
  options,
  defaultValues = [],
}: Omit<Base, "required"> & { options: { value: string; label: string; group?: string }[]; defaultValues?: string[] }) {
  const errors = useFieldErrors(name);
  const groupId = useFieldId(name);
  return (
    <fieldset className="space-y-2" aria-describedby={hint ? `${groupId}-hint` : undefined}>
      <legend className="text-sm font-medium">{label}</legend>
      {hint && (
        <p id={`${groupId}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => {
          const id = `${groupId}-${o.value}`;
          return (
            <div key={o.value} className="flex items-center gap-2">
              <Checkbox id={id} name={name} value={o.value} defaultChecked={defaultValues.includes(o.value)} />
              <Label htmlFor={id} className="font-normal">
                {o.label}
                {o.group && <span className="text-muted-foreground"> · {o.group}</span>}
              </Label>
            </div>
          );
        })}
      </div>
      <FieldError errors={errors} />
    </fieldset>
  );
}
