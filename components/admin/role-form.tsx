"use client";

import { useTranslations } from "next-intl";
import { saveRole } from "@/app/(app)/admin/actions";
import { ActionForm } from "@/components/forms/action-form";
import { TextAreaField, TextField } from "@/components/forms/fields";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { PERMISSIONS } from "@/lib/auth/permissions";

type Props = { role?: { id: string; name: string; description: string | null; permissions: string[] } };

export function RoleForm({ role }: Props) {
  const t = useTranslations();
  return (
    <ActionForm action={saveRole} redirectTo="/admin/roles" successMessage={role ? "saved" : "created"} className="max-w-2xl">
      {role && <input type="hidden" name="id" value={role.id} />}
      <TextField name="name" label={t("roles.name")} defaultValue={role?.name} required />
      <TextAreaField name="description" label={t("roles.description")} defaultValue={role?.description} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">{t("roles.permissions")}</legend>
        <ul className="divide-y rounded-md border">
          {PERMISSIONS.map((permission) => {
            const id = `perm-${permission}`;
            return (
              <li key={permission} className="flex items-center justify-between gap-4 px-3 py-2">
                <Label htmlFor={id} className="font-normal">
                  {t(`permissions.${permission}`)}
                  <span className="ml-2 font-mono text-xs text-muted-foreground">{permission}</span>
                </Label>
                <Switch id={id} name="permissions" value={permission} defaultChecked={role?.permissions.includes(permission)} />
              </li>
            );
          })}
        </ul>
      </fieldset>
    </ActionForm>
  );
}
