import type { Permission } from "./permissions";

export type SectionKey =
  | "atendimento"
  | "conversas"
  | "historico"
  | "agendamentos"
  | "recepcao"
  | "telefonico"
  | "dashboard"
  | "automacao"
  | "clientes"
  | "admin";

/** The signed-in app's sections, in menu order, with the permissions that open each (any of them). */
export const SECTIONS: { key: SectionKey; href: string; anyOf: Permission[] }[] = [
  { key: "atendimento", href: "/atendimento", anyOf: ["agendas.view"] },
  { key: "conversas", href: "/conversas", anyOf: ["tickets.handle"] },
  { key: "historico", href: "/historico", anyOf: ["tickets.handle"] },
  { key: "telefonico", href: "/telefonico", anyOf: ["tickets.handle"] },
  { key: "agendamentos", href: "/agendamentos", anyOf: ["scheduled_actions.create"] },
  { key: "recepcao", href: "/recepcao", anyOf: ["reception.checkin"] },
  { key: "dashboard", href: "/dashboard", anyOf: ["dashboard.view"] },
  { key: "automacao", href: "/automacao", anyOf: ["dashboard.view"] },
  { key: "clientes", href: "/clientes", anyOf: ["customers.manage"] },
  { key: "admin", href: "/admin", anyOf: ["users.manage", "settings.manage", "programs.manage"] },
];

export function visibleSections(permissions: readonly Permission[]) {
  return SECTIONS.filter((s) => s.anyOf.some((p) => permissions.includes(p)));
}

export const ADMIN_PAGES: {
  key: "companies" | "users" | "roles" | "teams" | "queues" | "calendar" | "programs" | "templates" | "phone" | "scripts";
  href: string;
  permission: Permission;
}[] = [
  { key: "users", href: "/admin/users", permission: "users.manage" },
  { key: "roles", href: "/admin/roles", permission: "users.manage" },
  { key: "teams", href: "/admin/teams", permission: "users.manage" },
  { key: "companies", href: "/admin/companies", permission: "settings.manage" },
  { key: "queues", href: "/admin/queues", permission: "settings.manage" },
  { key: "calendar", href: "/admin/calendar", permission: "settings.manage" },
  { key: "programs", href: "/admin/programs", permission: "programs.manage" },
  { key: "templates", href: "/admin/templates", permission: "templates.manage" },
  { key: "phone", href: "/admin/telefonia", permission: "settings.manage" },
  { key: "scripts", href: "/admin/scripts", permission: "settings.manage" },
];
