"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NewConversationDialog, type NewConversationOptions } from "./new-conversation-dialog";

export function NewConversationButton({
  options,
  initial,
  label,
  variant = "default",
}: {
  options: NewConversationOptions;
  initial?: { senderNumberId: string; customerPhone: string; windowClosed?: boolean };
  label?: string;
  variant?: "default" | "outline" | "ghost";
}) {
  const t = useTranslations("chat");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size="sm" onClick={() => setOpen(true)}>
        {label ?? t("newConversation")}
      </Button>
      {open && <NewConversationDialog {...options} open={open} onOpenChange={setOpen} initial={initial} />}
    </>
  );
}
