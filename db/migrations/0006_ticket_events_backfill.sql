-- The tickets that exist before ticket_events: what can be known of them, for the reports.
INSERT INTO "ticket_events" ("ticket_id", "company_id", "kind", "at", "queue_id", "agent_id", "channel")
SELECT "id", "company_id", 'opened', "opened_at", "queue_id", NULL, 'whatsapp' FROM "tickets";
--> statement-breakpoint
INSERT INTO "ticket_events" ("ticket_id", "company_id", "kind", "at", "queue_id", "agent_id", "actor_id", "how")
SELECT "id", "company_id", 'assigned', coalesce("agent_read_at", "opened_at"), "queue_id", "agent_id", "agent_id", 'picked'
FROM "tickets" WHERE "agent_id" IS NOT NULL;
--> statement-breakpoint
INSERT INTO "ticket_events" ("ticket_id", "company_id", "kind", "at", "queue_id", "agent_id", "actor_id")
SELECT t."id", t."company_id", 'first_reply', m."first_at", t."queue_id", t."agent_id", t."agent_id"
FROM "tickets" t
JOIN (SELECT "ticket_id", min("created_at") AS "first_at" FROM "messages" WHERE "author" = 'agent' GROUP BY "ticket_id") m ON m."ticket_id" = t."id";
--> statement-breakpoint
INSERT INTO "ticket_events" ("ticket_id", "company_id", "kind", "at", "queue_id", "agent_id", "actor_id", "reason", "contact_reason_id", "resolved", "description")
SELECT "id", "company_id", 'closed', "closed_at", "queue_id", "agent_id", "closed_by", 'finalizado_pelo_agente', "contact_reason_id", "resolved", "description"
FROM "tickets" WHERE "status" = 'finalizado' AND "closed_at" IS NOT NULL;
