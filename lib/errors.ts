/**
 * Every error code a user can be shown. Each is a key under "errors" in messages/pt-BR.json and
 * messages/en.json (lib/errors.test.ts fails when one has no message). A new code is added here first.
 */
export const ERROR_CODES = [
  // The action layer (lib/actions/define-action.ts)
  "invalid_input",
  "unauthenticated",
  "forbidden",
  "not_found",
  "unexpected",
  // Sign-in (app/(auth)/login/actions.ts)
  "invalid_credentials",
  "locked",
  // Registrations
  "email_taken",
  "name_taken",
  "document_taken",
  "last_admin",
  "self_delete",
  // Calendar, appointments, agendas
  "holiday_exists",
  "slot_full",
  "slot_unavailable",
  "appointment_closed",
  "already_marked",
  "no_show_before_start",
  "attendance_not_undoable",
  // Tickets and chat
  "ticket_taken",
  "not_queue_member",
  "ticket_closed",
  "ticket_in_use",
  "window_closed",
  "window_closed_template_required",
  "attachment_type",
  "attachment_too_large",
  "attachment_empty",
  "attachment_content",
  // Live desk: presence, offers, transfer
  "offer_gone",
  "over_capacity",
  "agent_unavailable",
  "pause_reason_required",
  // WhatsApp
  "invalid_interactive",
  "invalid_message",
  "customer_opted_out",
  "no_mobile",
  "no_sender_number",
  "no_invitation_template",
  "template_exists",
  "templates_read_only",
  "templates_sync_failed",
  "templates_sync_sandbox",
  "simulator_disabled",
  "simulator_webhook_failed",
  // Phone attendance (lib/phone)
  "script_invalid",
  "phone_conversation_busy",
  "wizard_stale",
  "no_phone_line",
  // Scheduled actions (lib/scheduled-actions)
  "scheduling_conflict",
  "scheduled_action_closed",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error meant for the user: its code is a key under "errors" in the message catalogs.
 * Anything else thrown by a command is logged and reported as "unexpected".
 */
export class UserError extends Error {
  constructor(
    public code: ErrorCode,
    public fieldErrors?: Record<string, string[]>,
  ) {
    super(code);
  }
}
