/** The bot's fixed messages (pt-BR, the customers' language). */
export const BOT_TEXTS = {
  menu: "Olá! Sou o assistente virtual. Como podemos ajudar?",
  invite: "Você tem uma revisão para agendar. Como prefere seguir?",
  help: "Desculpe, não entendi. Por favor, escolha uma das opções abaixo.",
  callMe: "Obrigado! Um de nossos atendentes vai ligar para você em breve.",
  refused: "Tudo bem, obrigado pelo retorno! Se mudar de ideia, é só mandar uma mensagem.",
  noSlots: "No momento não há horários livres nas próximas semanas.",
  slotTaken: "Desculpe, esse horário acabou de ser preenchido. Por favor, escolha outro horário.",
  noAppointment: "Não encontramos um agendamento em aberto para você.",
  notIdentified: "Não encontramos um cadastro para este número.",
  protocol: (protocol: string) => `Seu protocolo de atendimento é ${protocol}. Em instantes um atendente vai falar com você.`,
} as const;
