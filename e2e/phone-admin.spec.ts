import { expect, test } from "@playwright/test";
import { LOGINS, signIn } from "./helpers";

const call = (uniqueid: string) => ({
  uniqueid,
  src: "11955520001",
  dst: "1140001000",
  start: "2026-12-01T10:00:00-03:00",
  answer: "2026-12-01T10:00:09-03:00",
  end: "2026-12-01T10:04:09-03:00",
  duration: 249,
  billsec: 240,
  disposition: "ANSWERED",
});

test("the PBX key: created and shown once, accepted by the API, refused after a rotation", async ({ page, request }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/telefonia");
  await expect(page.getByTestId("pbx-key-status")).toContainText("Nenhuma chave gerada ainda");
  await page.getByRole("button", { name: "Gerar chave" }).click();
  const shown = page.getByLabel("Chave da API do PABX");
  await expect(shown).toHaveValue(/^atk_/);
  const key = await shown.inputValue();

  const post = (k: string, id: string) => request.post("/api/pbx/calls", { headers: { Authorization: `Bearer ${k}` }, data: { calls: [call(id)] } });
  const ok = await post(key, "e2e.1");
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ ok: true, stored: 1 });
  expect((await post(key, "e2e.1")).status()).toBe(200);
  expect((await post("atk_wrong", "e2e.2")).status()).toBe(401);

  await page.reload();
  await expect(page.getByLabel("Chave da API do PABX")).toHaveCount(0);
  await expect(page.getByTestId("pbx-key-status")).toContainText(key.slice(0, 10));
  await page.getByRole("button", { name: "Gerar nova chave" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Gerar nova chave" }).click();
  await expect(page.getByLabel("Chave da API do PABX")).not.toHaveValue(key);
  expect((await post(key, "e2e.3")).status()).toBe(401);
});

test("CSV import: a bad line is named and nothing is imported; a valid file is previewed and imported", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/telefonia");
  const header = "uniqueid,src,dst,start,answer,end,duration,billsec,disposition";
  const good = "csv-1,11955530001,1140001000,2026-12-02 09:00:00,2026-12-02 09:00:05,2026-12-02 09:03:05,185,180,ANSWERED";
  const bad = "csv-2,11955530002,1140001000,02/12/2026,,2026-12-02 09:03:05,185,0,NO ANSWER";
  await page.getByLabel("Arquivo CSV").setInputFiles({ name: "Master.csv", mimeType: "text/csv", buffer: Buffer.from([header, good, bad].join("\n")) });
  await page.getByRole("button", { name: "Pré-visualizar" }).click();
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("2 linhas: 1 válidas, 1 com erro");
  await expect(report.getByRole("row", { name: /3 Valor inválido na coluna start/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Importar/ })).toBeDisabled();

  const fixed = "csv-2,11955530002,1140001000,2026-12-02 10:00:00,,2026-12-02 10:00:30,30,0,NO ANSWER";
  await page.getByLabel("Arquivo CSV").setInputFiles({ name: "Master.csv", mimeType: "text/csv", buffer: Buffer.from([header, good, fixed].join("\n")) });
  await page.getByRole("button", { name: "Pré-visualizar" }).click();
  await expect(report).toContainText("2 linhas: 2 válidas, nenhuma com erro");
  await page.getByRole("button", { name: "Importar 2 chamadas" }).click();
  await expect(page.getByText("2 chamadas importadas; nenhuma repetida.")).toBeVisible();
});

test("scripts admin: preview runs the script, an unreachable question is refused, a valid save is a new version, analytics shown", async ({ page }) => {
  await signIn(page, LOGINS.admin);
  await page.goto("/admin/scripts");
  await page.getByRole("link", { name: "Oficina: motivo da ligação" }).click();
  await expect(page.getByText("Versão 1, gravada em")).toBeVisible();
  await expect(page.getByTestId("script-stats")).toBeVisible();

  await page.getByRole("button", { name: "Pré-visualizar" }).click();
  const preview = page.getByTestId("script-preview");
  await expect(preview).toContainText("Qual o motivo da ligação?");
  await preview.getByRole("button", { name: "Agendar revisão" }).click();
  await expect(preview).toContainText("O veículo está com algum ruído ou alerta no painel?");
  await preview.getByRole("button", { name: "Não" }).click();
  await expect(preview.getByTestId("script-report")).toContainText("Agendar revisão");

  await page.getByRole("button", { name: "Adicionar pergunta" }).click();
  await page.getByLabel("Pergunta", { exact: true }).last().fill("Pergunta esquecida?");
  await page.getByLabel("Opção 1").last().fill("Fim");
  await expect(page.getByTestId("script-problems")).toContainText("3. Pergunta esquecida? nunca é alcançada a partir da primeira pergunta.");
  await page.getByRole("button", { name: "Gravar nova versão" }).click();
  await expect(page.getByText("O script tem problemas: corrija as perguntas indicadas antes de salvar.")).toBeVisible();

  // Reached from the first question's "Reclamação" now: valid, saved as version 2.
  await page.getByLabel("Leva para").nth(2).selectOption({ label: "3. Pergunta esquecida?" });
  await expect(page.getByTestId("script-problems")).toHaveCount(0);
  await page.getByRole("button", { name: "Gravar nova versão" }).click();
  await expect(page.getByText("Versão 2 gravada.")).toBeVisible();
  await expect(page.getByText("Versão 2, gravada em")).toBeVisible();
});
