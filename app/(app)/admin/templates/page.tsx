import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/admin/page-header";
import { TemplateStatusBadge } from "@/components/admin/template-status-badge";
import { TemplateStatusMenu } from "@/components/admin/template-status-menu";
import { TemplateSyncButton } from "@/components/admin/template-sync-button";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getDb } from "@/db/index";
import { requireUser } from "@/lib/auth/session";
import { whatsappEnv } from "@/lib/env";
import { TEMPLATE_CATEGORIES, TEMPLATE_LANGUAGES } from "@/lib/whatsapp/template-schema";
import { templateVariables } from "@/lib/whatsapp/template-text";
import { listCompanyTemplates } from "@/lib/whatsapp/templates-admin";
import { sourceLabelKey } from "./form-options";

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

/** "Modelos": the current company's WhatsApp templates. Managed by hand in the sandbox; synced from Meta in the cloud. */
export default async function TemplatesPage() {
  const user = await requireUser("templates.manage");
  const sandbox = whatsappEnv().provider === "sandbox";
  const [t, rows] = await Promise.all([getTranslations(), listCompanyTemplates(getDb(), user.companyId)]);
  const companyName = user.companies.find((c) => c.id === user.companyId)?.name ?? "";

  return (
    <>
      <PageHeader
        title={t("admin.templates")}
        description={t("templates.subtitle", { company: companyName })}
        action={sandbox ? { href: "/admin/templates/new", label: t("templates.new") } : undefined}
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">{sandbox ? t("templates.sandboxNotice") : t("templates.cloudNotice")}</p>
        {!sandbox && <TemplateSyncButton companyId={user.companyId} />}
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("templates.name")}</TableHead>
            <TableHead>{t("templates.language")}</TableHead>
            <TableHead>{t("templates.category")}</TableHead>
            <TableHead>{t("templates.status")}</TableHead>
            <TableHead>{t("templates.body")}</TableHead>
            {sandbox && (
              <TableHead>
                <span className="sr-only">{t("common.actions")}</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={sandbox ? 6 : 5} className="text-center text-muted-foreground">
                {t("templates.empty")}
              </TableCell>
            </TableRow>
          )}
          {rows.map((row) => {
            const variables = templateVariables(row.body);
            return (
              <TableRow key={row.id} data-template={row.name}>
                <TableCell className="align-top font-mono text-sm">
                  {sandbox ? (
                    <Link href={`/admin/templates/${row.id}`} className="font-medium underline-offset-4 hover:underline">
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                </TableCell>
                <TableCell className="align-top">
                  {isOneOf(TEMPLATE_LANGUAGES, row.language) ? t(`templates.languages.${row.language}`) : row.language}
                </TableCell>
                <TableCell className="align-top">
                  {isOneOf(TEMPLATE_CATEGORIES, row.category) ? t(`templates.categories.${row.category}`) : row.category}
                </TableCell>
                <TableCell className="align-top">
                  <TemplateStatusBadge status={row.status} label={t(`templates.statuses.${row.status}`)} />
                </TableCell>
                <TableCell className="max-w-md align-top whitespace-normal">
                  <p className="whitespace-pre-wrap">{row.body}</p>
                  {variables.length > 0 && (
                    <p className="mt-1 text-xs text-muted-foreground">
                      {variables
                        .map((n) => {
                          const key = sourceLabelKey(row.variables[String(n)] ?? "free");
                          return `{{${n}}} = ${key ? t(`templates.sources.${key}`) : row.variables[String(n)]}`;
                        })
                        .join(" · ")}
                    </p>
                  )}
                  {row.buttons.length > 0 && (
                    <div className="mt-2 flex flex-wrap gap-1">
                      {row.buttons.map((b, i) => (
                        <Badge key={i} variant="outline">
                          {b.text}
                        </Badge>
                      ))}
                    </div>
                  )}
                </TableCell>
                {sandbox && (
                  <TableCell className="text-right align-top">
                    <TemplateStatusMenu id={row.id} name={row.name} status={row.status} />
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </>
  );
}
