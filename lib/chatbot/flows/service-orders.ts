import { and, desc, eq, gte, inArray, or } from "drizzle-orm";
import { serviceOrders } from "@/db/schema/customers";
import type { Turn } from "../turn";
import { notIdentified } from "./hand-over";

const RECENT_ORDERS_DAYS = 90;
const ORDER_STATUS: Record<string, string> = { aberta: "Aberta", em_andamento: "Em andamento", concluida: "Concluída", cancelada: "Cancelada" };

/** "Minhas OS": the customer's open and recent service orders. */
export async function myOrders(turn: Turn) {
  const { customerId } = turn.conversation;
  if (!customerId) return notIdentified(turn);
  const since = new Date(turn.now.getTime() - RECENT_ORDERS_DAYS * 86_400_000);
  const rows = await turn.db
    .select({ number: serviceOrders.number, status: serviceOrders.status, description: serviceOrders.description })
    .from(serviceOrders)
    .where(
      and(
        eq(serviceOrders.customerId, customerId),
        or(inArray(serviceOrders.status, ["aberta", "em_andamento"]), gte(serviceOrders.openedAt, since), gte(serviceOrders.closedAt, since)),
      ),
    )
    .orderBy(desc(serviceOrders.openedAt))
    .limit(10);
  const body = rows.length
    ? ["Suas ordens de serviço:", ...rows.map((r) => `• OS ${r.number} — ${ORDER_STATUS[r.status] ?? r.status}${r.description ? ` — ${r.description}` : ""}`)].join("\n")
    : "Não encontramos ordens de serviço abertas ou recentes no seu cadastro.";
  await turn.text(body);
  await turn.idle();
}
