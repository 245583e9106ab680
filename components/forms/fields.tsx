"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { useFieldErrors } from "./action-form";
import { FieldError } from "./field-error";

type Base = { name: string; label: string; hint?: string; required?: boolean };

function FieldShell({ name, label, hint, required, children }: Base & { children: React.ReactNode }) {
  const errors = useFieldErrors(name);
  return (
    <div className="space-y-1.5">
      <Label htmlFor={name}>
        {label}
        {required && <span aria-hidden className="text-destructive"> *</span>}
      </Label>
      {children}
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <FieldError id={`${name}-error`} errors={errors} />
    </div>
  );
}

function a11y(name: string, invalid: boolean, hint?: string) {
  return {
    id: name,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(" "),
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
  const invalid = !!useFieldErrors(base.name);
  return (
    <FieldShell {...base}>
      <Input
        {...a11y(base.name, invalid, base.hint)}
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
  const invalid = !!useFieldErrors(base.name);
  return (
    <FieldShell {...base}>
      <Textarea {...a11y(base.name, invalid, base.hint)} defaultValue={defaultValue ?? ""} rows={3} />
    </FieldShell>
  );
}

export function SelectField({
  options,
  defaultValue,
  placeholder,
  ...base
}: Base & { options: { value: string; label: string }[]; defaultValue?: string | null; placeholder?: string }) {
  const invalid = !!useFieldErrors(base.name);
  return (
    <FieldShell {...base}>
      <NativeSelect {...a11y(base.name, invalid, base.hint)} defaultValue={defaultValue ?? ""} required={base.required}>
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
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-3">
        <Switch id={name} name={name} defaultChecked={defaultChecked} aria-describedby={hint ? `${name}-hint` : undefined} />
        <Label htmlFor={name}>{label}</Label>
      </div>
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-muted-foreground">
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
  return (
    <fieldset className="space-y-2" aria-describedby={hint ? `${name}-hint` : undefined}>
      <legend className="text-sm font-medium">{label}</legend>
      {hint && (
        <p id={`${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => {
          const id = `${name}-${o.value}`;
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
