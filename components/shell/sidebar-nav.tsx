"use client";

import {
  BarChart3,
  Bot,
  CalendarClock,
  ClipboardList,
  History,
  Menu,
  MessagesSquare,
  PhoneCall,
  Settings,
  UserRoundCheck,
  Users,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { SectionKey } from "@/lib/auth/sections";
import { cn } from "@/lib/cn";

const ICONS: Record<SectionKey, LucideIcon> = {
  atendimento: ClipboardList,
  conversas: MessagesSquare,
  historico: History,
  telefonico: PhoneCall,
  agendamentos: CalendarClock,
  recepcao: UserRoundCheck,
  dashboard: BarChart3,
  automacao: Bot,
  clientes: Users,
  admin: Settings,
};

type Props = { sections: { key: SectionKey; href: string }[]; compact?: boolean };

export function SidebarNav({ sections, compact }: Props) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  if (compact) {
    return (
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={t("main")}>
            <Menu className="size-5" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {sections.map((s) => (
            <DropdownMenuItem key={s.key} asChild>
              <Link href={s.href}>{t(s.key)}</Link>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    );
  }

  return (
    <nav aria-label={t("main")} className="p-2">
      <ul className="space-y-1">
        {sections.map((s) => {
          const Icon = ICONS[s.key];
          const active = isActive(s.href);
          return (
            <li key={s.key}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                  active ? "bg-accent text-accent-foreground" : "text-muted-foreground",
                )}
              >
                <Icon className="size-4" aria-hidden />
                {t(s.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
