"use client";

import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
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

function useA11y(name: string, hint?: string, group?: string) {
  const id = useFieldId(name);
  const groupId = useFieldId(group ?? "");
  const own = useFieldErrors(name);
  const shared = useFieldErrors(group ?? "");
  const invalid = !!own || (!!group && !!shared);
  return {
    id,
    name,
    "aria-invalid": invalid || undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-error`, group ? `${groupId}-error` : null].filter(Boolean).join(" "),
  };
}

export function TextField({
  type = "text",
  defaultValue,
  autoComplete,
  inputMode,
  placeholder,
  group,
  ...base
}: Base & {
  type?: string;
  defaultValue?: string | number | null;
  autoComplete?: string;
  inputMode?: React.HTMLAttributes<HTMLInputElement>["inputMode"];
  placeholder?: string;
  /** The key of a rule over several fields (FieldGroup): its error marks this field too. */
  group?: string;
}) {
  const a11y = useA11y(base.name, base.hint, group);
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
  onValueChange,
  ...base
}: Base & {
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  placeholder?: string;
  /** For a form whose other fields depend on this one (a team's members on its company). */
  onValueChange?: (value: string) => void;
}) {
  const a11y = useA11y(base.name, base.hint);
  return (
    <FieldShell {...base}>
      <NativeSelect
        {...a11y}
        defaultValue={defaultValue ?? ""}
        required={base.required}
        onChange={onValueChange && ((e) => onValueChange(e.target.value))}
      >
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

/**
 * Fields under one rule ("at least one of these"): the rule's error, keyed `name`, is said once for the
 * group, the group is outlined and each field inside (TextField's `group`) is marked invalid.
 */
export function FieldGroup({ name, legend, children }: { name: string; legend: string; children: React.ReactNode }) {
  const errors = useFieldErrors(name);
  const id = useFieldId(name);
  return (
    <fieldset className={cn("space-y-3 rounded-md border p-3", errors && "border-destructive ring-[3px] ring-destructive/20")}>
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      {children}
      <FieldError id={`${id}-error`} errors={errors} />
    </fieldset>
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
