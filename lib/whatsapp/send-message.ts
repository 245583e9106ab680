/** The single-message send lives in the outbox (./outbox/send-one); this path stays for the chatbot, which still imports it. */
export { sendMessage, type SendMessageInput } from "./outbox/send-one";
export type { SendMessageResult } from "./outbox/result";
