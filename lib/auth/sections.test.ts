import { describe, expect, it } from "vitest";
import { SEEDED_ROLES } from "./permissions";
import { SECTIONS, visibleSections } from "./sections";

function sectionsOf(roleName: string) {
  const role = SEEDED_ROLES.find((r) => r.name === roleName);
  if (!role) throw new Error(`no seeded role ${roleName}`);
  return visibleSections(role.permissions).map((s) => s.key);
}

describe("visibleSections for the seeded roles", () => {
  it("Recepcionista sees only the reception", () => {
    expect(sectionsOf("Recepcionista")).toEqual(["recepcao"]);
  });

  it("Agente works tickets and customers but sees no admin, dashboard or scheduling", () => {
    const keys = sectionsOf("Agente");
    expect(keys).toEqual(expect.arrayContaining(["atendimento", "conversas", "historico", "telefonico", "clientes"]));
    for (const hidden of ["admin", "dashboard", "automacao", "agendamentos", "recepcao"]) expect(keys).not.toContain(hidden);
  });

  it("Supervisor sees the dashboard and admin (for the programs) but not scheduling or reception", () => {
    const keys = sectionsOf("Supervisor");
    expect(keys).toContain("dashboard");
    expect(keys.at(-1)).toBe("admin");
    for (const hidden of ["agendamentos", "recepcao"]) expect(keys).not.toContain(hidden);
  });

  it("Administrador sees every section, in menu order", () => {
    expect(sectionsOf("Administrador")).toEqual(SECTIONS.map((s) => s.key));
  });

  it("nobody without permissions sees anything", () => {
    expect(visibleSections([])).toEqual([]);
  });

  it("admin opens with users.manage, settings.manage or programs.manage", () => {
    expect(visibleSections(["users.manage"]).map((s) => s.key)).toEqual(["admin"]);
    expect(visibleSections(["settings.manage"]).map((s) => s.key)).toEqual(["admin"]);
    expect(visibleSections(["programs.manage"]).map((s) => s.key)).toEqual(["admin"]);
  });
});
