import type { ScriptDefinition } from "./script-engine";

const q = (id: string, text: string, customerHelp: string, operatorHelp: string, options: ScriptDefinition["questions"][number]["options"]) => ({
  id,
  text,
  customerHelp,
  operatorHelp,
  options,
});

/** The demo scripts of the seed: an internet provider's connection check (with branches) and a workshop's intake. */
export const DEMO_SCRIPTS: { company: "sp" | "net"; name: string; definition: ScriptDefinition }[] = [
  {
    company: "net",
    name: "Suporte: sem conexão ou lentidão",
    definition: {
      start: "tipo",
      questions: [
        q("tipo", "O cliente está sem conexão ou com lentidão?", "Pergunte se a internet parou totalmente ou se está lenta.", "Confira no sistema se há manutenção na região antes de seguir.", [
          { id: "sem", label: "Sem conexão", next: "luzes" },
          { id: "lenta", label: "Lentidão", next: "wifi" },
          { id: "outro", label: "Outro assunto", next: null, outcome: "transfer" },
        ]),
        q("luzes", "Como estão as luzes do roteador?", "Peça para o cliente olhar a frente do roteador e dizer as cores.", "LOS vermelha indica fibra rompida: abrir OS de visita técnica.", [
          { id: "los", label: "LOS vermelha", next: null, outcome: "service_order" },
          { id: "verdes", label: "Todas verdes", next: "reiniciar" },
          { id: "apagadas", label: "Apagadas", next: "tomada" },
        ]),
        q("wifi", "A lentidão acontece no cabo ou só no Wi-Fi?", "Peça para testar com um computador ligado no cabo, se possível.", "Só no Wi-Fi: orientar mudar o roteador de lugar ou o canal 5 GHz.", [
          { id: "so-wifi", label: "Só no Wi-Fi", next: null, outcome: "resolve" },
          { id: "cabo", label: "No cabo também", next: "reiniciar" },
        ]),
        q("reiniciar", "O cliente reiniciou o roteador (desligar por 30 segundos)?", "Peça para tirar o roteador da tomada, esperar 30 segundos e ligar de novo.", "Aguarde 2 minutos com o cliente na linha até as luzes estabilizarem.", [
          { id: "voltou", label: "Voltou a funcionar", next: null, outcome: "resolve" },
          { id: "continua", label: "Continua com problema", next: null, outcome: "service_order" },
        ]),
        q("tomada", "O roteador está ligado em uma tomada que funciona?", "Peça para testar a tomada com outro aparelho.", "Fonte queimada: a troca é feita na loja, sem visita.", [
          { id: "ligou", label: "Ligou após trocar a tomada", next: null, outcome: "resolve" },
          { id: "apagado", label: "Continua apagado", next: null, outcome: "service_order" },
        ]),
      ],
    },
  },
  {
    company: "sp",
    name: "Oficina: motivo da ligação",
    definition: {
      start: "motivo",
      questions: [
        q("motivo", "Qual o motivo da ligação?", "Pergunte em que podemos ajudar hoje.", "Tenha a placa do veículo em mãos.", [
          { id: "revisao", label: "Agendar revisão", next: "alerta" },
          { id: "os", label: "Status da OS", next: null, outcome: "resolve" },
          { id: "reclamacao", label: "Reclamação", next: null, outcome: "transfer" },
        ]),
        q("alerta", "O veículo está com algum ruído ou alerta no painel?", "Pergunte se acendeu alguma luz no painel ou se há barulho diferente.", "Com alerta, reserve 1 hora a mais para o diagnóstico.", [
          { id: "sim", label: "Sim", next: null, outcome: "service_order" },
          { id: "nao", label: "Não", next: null, outcome: "resolve" },
        ]),
      ],
    },
  },
];
