import { expect, test, type Page } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

/** "2026-12-04T17:31" in São Paulo, `minutes` from now, at a whole minute. */
function spLocal(minutesAhead: number): { value: string; shown: string; at: number } {
  const at = Math.ceil((Date.now() + minutesAhead * 60_000) / 60_000) * 60_000;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return { value: `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`, shown: `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`, at };
}

async function fillAction(page: Page, opts: { phone: string; at: string; kind: string }) {
  await page.getByRole("button", { name: "Novo agendamento" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Contato").fill(opts.phone);
  await dialog.getByLabel("Departamento").selectOption({ label: "Oficina — Agendamentos" });
  await dialog.getByLabel("Atendente").selectOption({ label: "Ana Agente" });
  await dialog.getByLabel("Ação").selectOption({ label: opts.kind });
  await dialog.getByLabel("Data e hora").fill(opts.at);
  if (opts.kind !== "Notificar atendente") await dialog.getByLabel("Mensagem").fill("Olá! Seu orçamento da revisão está pronto.");
  await dialog.getByLabel(/Comentário/).fill("Retornar sobre o orçamento");
  return dialog;
}

test("an admin enables scheduling for Agente; the agent schedules, the run opens the ticket and the bell leads to it", async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await browser.newPage();
  await signIn(admin, LOGINS.admin);
  await admin.goto("/admin/roles");
  await admin.getByRole("link", { name: "Agente", exact: true }).click();
  const toggle = admin.getByRole("switch", { name: /Habilitar agendamento/ });
  if ((await toggle.getAttribute("aria-checked")) === "false") await toggle.click();
  await admin.getByRole("button", { name: "Salvar" }).click();
  await expect(admin.getByText("Alterações salvas.")).toBeVisible();

  const agent = await browser.newPage();
  await signIn(agent, LOGINS.agent);
  await agent.goto("/agendamentos");
  await expect(agent.getByRole("heading", { name: "Agendamentos" })).toBeVisible();
  await expect(agent.getByText("Nenhum agendamento encontrado.")).toBeVisible();

  // A number that never wrote: the 24 h window is closed, so the form asks for an approved template.
  const first = spLocal(1.2);
  let dialog = await fillAction(agent, { phone: "(11) 97777-4321", at: first.value, kind: "Abrir chamado e notificar atendente" });
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText(/janela de 24 horas estará fechada/)).toBeVisible();
  await dialog.getByLabel("Modelo aprovado").selectOption({ label: "reagendar_no_show" });
  await dialog.getByLabel("Variável 1").fill("Marta");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(agent.getByText("Agendamento criado.")).toBeVisible();
  await expect(agent.getByTestId("scheduled-action")).toHaveCount(1);
  await expect(agent.getByTestId("scheduled-action").first()).toContainText("Pendentes");

  // A second one 3 minutes away falls in the 6-minute spacing and names the taken time.
  const second = new Date(first.at + 3 * 60_000);
  const secondValue = spLocal((second.getTime() - Date.now()) / 60_000).value;
  dialog = await fillAction(agent, { phone: "(11) 97777-9876", at: secondValue, kind: "Notificar atendente" });
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByText(`Já existe um agendamento às ${first.shown}`)).toBeVisible();
  await agent.keyboard.press("Escape");

  // Its time comes; Executar agora in Automação runs it (the every-minute schedule may run it first).
  await agent.waitForTimeout(Math.max(0, first.at - Date.now()) + 1_000);
  const supervisor = await browser.newPage();
  await signIn(supervisor, LOGINS.supervisor);
  await supervisor.goto("/automacao");
  await supervisor.getByTestId("job-scheduled-actions").getByRole("button", { name: /Executar agora/ }).click();
  await expect(supervisor.getByText(/Agendamentos: \d+ considerados/)).toBeVisible();

  // The bell shows 1, live, and "Ir para conversa" opens the ticket the run opened for the agent.
  await expect(agent.getByTestId("notification-count")).toHaveText("1", { timeout: 30_000 });
  await agent.getByTestId("notification-bell").click();
  await expect(agent.getByTestId("notification").first()).toContainText("Agendamento");
  await agent.getByRole("button", { name: "Ir para conversa" }).click();
  await expect(agent).toHaveURL(/\/conversas\?t=[0-9a-f-]{36}/);
  await expect(agent.getByText(/sentimos sua falta/).first()).toBeVisible();
  await expect(agent.getByTestId("notification-count")).toHaveCount(0);

  await agent.goto("/agendamentos?status=concluido");
  await expect(agent.getByTestId("scheduled-action")).toHaveCount(1);
  await expect(agent.getByTestId("scheduled-action").first()).toContainText("Concluídos");
});
