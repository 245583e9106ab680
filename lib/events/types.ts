/**
 * The closed set of domain events. Each carries ids only (a screen that hears one reads what it needs)
 * and its audience: the company (null: every company), narrowed to a queue's members and supervisors or
 * to one user.
 */
export type EventPayloads = {
  "ticket.changed": { ticketId: string; conversationId: string };
  "message.created": { messageId: string; conversationId: string; ticketId: string | null };
  "message.status": { messageId: string; conversationId: string };
  "agenda.changed": { agendaId: string };
  "appointment.changed": { appointmentId: string; agendaId: string | null };
  "job_run.changed": { jobRunId: string; job: string };
  "presence.changed": { userId: string };
  "offer.changed": { offerId: string; ticketId: string };
  "notification.created": { notificationId: string };
};

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  "ticket.changed",
  "message.created",
  "message.status",
  "agenda.changed",
  "appointment.changed",
  "job_run.changed",
  "presence.changed",
  "offer.changed",
  "notification.created",
] as const satisfies readonly EventType[];

export type Audience = { companyId: string | null; queueId?: string | null; userId?: string | null };

export type DomainEvent = { [K in EventType]: { type: K; audience: Audience; payload: EventPayloads[K] } }[EventType];

/** The channel NOTIFY carries the new events' highest sequence on; listeners read the rows by sequence. */
export const EVENTS_CHANNEL = "atende_events";
