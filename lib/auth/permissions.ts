export const PERMISSIONS = [
  "agendas.view",
  "agendas.view_all_agents",
  "tickets.handle",
  "tickets.transfer",
  "scheduled_actions.create",
  "templates.manage",
  "programs.manage",
  "reception.checkin",
  "dashboard.view",
  "customers.manage",
  "users.manage",
  "settings.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** The four seeded roles. `scheduled_actions.create` is off for all but Administrador (seed 002). */
export const SEEDED_ROLES: { name: string; description: string; permissions: Permission[] }[] = [
  { name: "Administrador", description: "Acesso total à plataforma", permissions: [...PERMISSIONS] },
  {
    name: "Supervisor",
    description: "Gerência: acompanha a operação e todos os agentes",
    permissions: [
      "agendas.view",
      "agendas.view_all_agents",
      "tickets.handle",
      "tickets.transfer",
      "templates.manage",
      "programs.manage",
      "dashboard.view",
      "customers.manage",
    ],
  },
  {
    name: "Agente",
    description: "Posição de atendimento (PA)",
    permissions: ["agendas.view", "tickets.handle", "customers.manage"],
  },
  { name: "Recepcionista", description: "Recepção da oficina", permissions: ["reception.checkin"] },
];
