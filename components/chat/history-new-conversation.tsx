"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { NewConversationDialog, type NewConversationOptions } from "./new-conversation-dialog";

/** Histórico's "⋮": see the conversation, or "+ Iniciar Nova Conversa" with both numbers filled. */
export function HistoryNewConversation({
  options,
  senderNumberId,
  customerPhone,
  viewHref,
  label,
}: {
  options: NewConversationOptions;
  senderNumberId: string;
  customerPhone: string;
  viewHref: string;
  label: React.ReactNode;
}) {
  const t = useTranslations("history");
  const [open, setOpen] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("more")}>
            {label}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={viewHref}>{t("view")}</Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setOpen(true)}>{t("newConversation")}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {open && <NewConversationDialog {...options} open={open} onOpenChange={setOpen} initial={{ senderNumberId, customerPhone }} />}
    </>
  );
}
