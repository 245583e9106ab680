import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// The seeded Conecta Fibra customer with a WhatsApp ticket still waiting (db/seed-phone.ts, the first
// Conecta Fibra customer with a conversation), and the unregistered numbers that share a prefix.
const PENDING_CUSTOMER = "Thiago Andrade Andrade";

const stepTitle = (page: Page, title: string) => expect(page.getByText(title, { exact: true }).last()).toBeVisible();
const advance = (page: Page) => page.getByRole("button", { name: "Avançar" }).click();

test("the whole phone attendance: prefix search, an unidentified call linked, the contact rule, pending notice, plan, a branching script, the protocol in Histórico", async ({ page }) => {
  await signIn(page, "gisele@atende.dev");
  await page.goto("/telefonico");
  await stepTitle(page, "Origem do Atendimento");
  await expect(page.getByRole("radio", { name: "Telefônico" })).toBeChecked();
  await advance(page);

  // Filtros → Telefone: Enter searches the prefix; every number found starts ticked.
  await stepTitle(page, "Filtros");
  await page.getByRole("radio", { name: "Telefone" }).check();
  await page.getByRole("textbox", { name: "Telefone" }).fill("11 9555-1");
  await page.getByRole("textbox", { name: "Telefone" }).press("Enter");
  const found = page.getByTestId("found-numbers");
  await expect(found.getByText("3 telefones encontrados")).toBeVisible();
  for (const n of ["(11) 95551-0001", "(11) 95551-0002", "(11) 95551-0003"]) {
    await expect(found.getByRole("checkbox", { name: new RegExp(n.replace(/[()]/g, "\\$&")) })).toBeChecked();
  }
  await found.getByRole("checkbox", { name: /95551-0003/ }).uncheck();
  await advance(page);

  // Localizar Registros: only the ticked numbers, unidentified.
  await stepTitle(page, "Localizar Registros");
  const rows = page.getByTestId("call-row");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId("calls")).not.toContainText("95551-0003");
  await expect(rows.first()).toContainText("Cliente não identificado");
  await advance(page);
  await expect(page.getByText("Selecione uma chamada.")).toBeVisible();
  await rows.first().getByRole("radio").check();
  await advance(page);

  // A reload loses nothing: the draft is on the server.
  await stepTitle(page, "Dados do Cliente");
  await page.reload();
  await stepTitle(page, "Dados do Cliente");
  await expect(page.getByText("Número não cadastrado: vincule a ligação a um cliente.")).toBeVisible();
  await page.getByRole("textbox", { name: "Nome, CPF/CNPJ ou telefone do cliente" }).fill(PENDING_CUSTOMER);
  await page.getByRole("button", { name: "Buscar", exact: true }).click();
  await page.getByTestId("customer-results").getByRole("button", { name: `Vincular ${PENDING_CUSTOMER}` }).first().click();
  await expect(page.getByTestId("wizard-customer")).toHaveText(PENDING_CUSTOMER);

  // Adicionar contato: none of Cargo, Fone, Fax, Celular, E-mail is refused; one is enough.
  await page.getByRole("button", { name: "Novo contato" }).click();
  const dialog = page.getByRole("dialog", { name: "Novo contato" });
  await dialog.getByLabel("Nome").fill("Rita Moraes");
  await dialog.getByLabel("Tipo do Contato").fill("Financeiro");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Informe ao menos um destes: Cargo, Fone, Fax, Celular ou E-mail.");
  await dialog.getByLabel("Cargo").fill("Analista financeira");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("wizard-contact").filter({ hasText: "Rita Moraes" })).toBeVisible();
  await page.getByLabel("Nome Contato").selectOption({ label: "Rita Moraes — Financeiro" });
  await advance(page);

  // Dados do Atendimento: the pending notice, then the plan with its routing points and login.
  const notice = page.getByRole("dialog", { name: "Atendimentos pendentes" });
  await expect(notice).toContainText("Existe 1 atendimento pendente para este cliente. Por favor, verificar.");
  await notice.getByRole("button", { name: "Ok" }).last().click();
  await expect(notice).toBeHidden();
  await page.getByRole("button", { name: "Ver atendimentos pendentes" }).click();
  await expect(page.getByTestId("pending-tickets").getByRole("listitem")).toHaveCount(1);
  await page.getByLabel("Plano").selectOption({ index: 1 });
  const plan = page.getByTestId("plan-info");
  await expect(plan).toContainText("Pontos de Roteamento:");
  await expect(plan).toContainText("Login de acesso: cliente");
  await plan.getByRole("button", { name: "Ver detalhes do plano" }).click();
  await expect(page.getByTestId("plan-details")).toBeVisible();
  await plan.getByRole("button", { name: "Fechar detalhes do plano" }).click();
  await expect(page.getByTestId("plan-details")).toBeHidden();
  await advance(page);

  // Script: a branch, Anterior, a changed answer that drops the branch.
  await stepTitle(page, "Script de Atendimento");
  const question = page.getByTestId("script-question");
  await expect(question).toHaveText("O cliente está sem conexão ou com lentidão?");
  await page.getByRole("button", { name: "Ver explicações" }).click();
  await expect(page.getByText("Explicação para o operador")).toBeVisible();
  await expect(page.getByText("Confira no sistema se há manutenção na região antes de seguir.")).toBeVisible();
  await page.getByRole("radio", { name: "Sem conexão" }).check();
  await page.getByRole("button", { name: "Próximo" }).click();
  await expect(question).toHaveText("Como estão as luzes do roteador?");
  await page.getByRole("radio", { name: "Todas verdes" }).check();
  await page.getByRole("button", { name: "Próximo" }).click();
  await expect(question).toHaveText("O cliente reiniciou o roteador (desligar por 30 segundos)?");
  await page.getByRole("button", { name: "Anterior" }).click();
  await page.getByRole("button", { name: "Anterior" }).click();
  await expect(question).toHaveText("O cliente está sem conexão ou com lentidão?");
  await expect(page.getByRole("radio", { name: "Sem conexão" })).toBeChecked();
  await page.getByRole("radio", { name: "Lentidão" }).check();
  await page.getByRole("button", { name: "Próximo" }).click();
  await expect(question).toHaveText("A lentidão acontece no cabo ou só no Wi-Fi?");
  await page.getByRole("radio", { name: "Só no Wi-Fi" }).check();
  await page.getByRole("button", { name: "Próximo" }).click();
  await expect(page.getByText("Script concluído. Use Encerrar Script para ver o relatório.")).toBeVisible();
  await page.getByRole("button", { name: "Encerrar Script" }).click();

  // Relatório de Script: the answers of the branch taken, not the dropped ones.
  await stepTitle(page, "Relatório de Script");
  const report = page.getByTestId("script-report");
  await expect(report).toContainText("Lentidão");
  await expect(report).toContainText("Só no Wi-Fi");
  await expect(report).not.toContainText("Todas verdes");
  await expect(page.getByText("Script concluído · Resolver")).toBeVisible();
  await advance(page);

  // Primeiro Contato: validated on the server, then the ticket.
  await stepTitle(page, "Primeiro Contato");
  await page.getByRole("button", { name: "Finalizar atendimento" }).click();
  await expect(page.getByText("Informe se o problema foi resolvido.")).toBeVisible();
  await expect(page.getByText("Descreva o atendimento.")).toBeVisible();
  await page.getByRole("radio", { name: "Sim" }).check();
  await page.getByLabel("Motivo").selectOption({ index: 1 });
  await page.getByLabel("Descrição").fill("Orientada a usar o Wi-Fi de 5 GHz; velocidade normalizada.");
  await page.getByRole("button", { name: "Finalizar atendimento" }).click();

  const protocol = page.getByTestId("protocol");
  await expect(protocol).toHaveText(/^\d{14}$/);
  const number = (await protocol.textContent())!;
  await expect(page.getByRole("button", { name: "Copiar protocolo" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("protocol")).toHaveText(number);

  await page.getByRole("link", { name: "Ver no Histórico" }).click();
  await expect(page).toHaveURL(/\/historico\?ver=/);
  await expect(page.getByTestId("history-row").filter({ hasText: number })).toContainText(PENDING_CUSTOMER);
  const seen = page.getByRole("region", { name: "Relatório de Script" });
  await expect(seen).toContainText("Só no Wi-Fi");

  // Novo atendimento starts again at step 1.
  await page.goto("/telefonico");
  await page.getByRole("button", { name: "Novo atendimento" }).click();
  await stepTitle(page, "Origem do Atendimento");
});

test("a search that finds no call says Nenhuma chamada listada, and Voltar returns to Filtros", async ({ page }) => {
  await signIn(page, "hugo@atende.dev");
  await page.goto("/telefonico");
  await advance(page);
  await page.getByRole("radio", { name: "Intervalo de datas" }).check();
  await page.getByLabel("Data inicial").fill("2020-01-01");
  await page.getByLabel("Data final").fill("2020-01-31");
  await advance(page);
  await stepTitle(page, "Localizar Registros");
  await expect(page.getByText("Nenhuma chamada listada")).toBeVisible();
  await page.getByRole("button", { name: "Voltar" }).click();
  await stepTitle(page, "Filtros");
  await page.getByRole("button", { name: "Cancelar" }).click();
  await stepTitle(page, "Origem do Atendimento");
});
