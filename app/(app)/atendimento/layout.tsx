import { requireSection } from "@/lib/auth/session";

/**
 * The section check, above the worklist's loading boundary ((worklist)/loading.tsx): a page that has
 * started streaming has already answered 200, so a refusal must come before it to answer 403. The
 * loading boundary wraps only the list, so the card's notFound() ([id]) answers 404 the same way.
 */
export default async function AtendimentoLayout({ children }: { children: React.ReactNode }) {
  await requireSection("atendimento");
  return children;
}
