import { AdminNav } from "@/components/admin/admin-nav";
import { requireSection } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSection("admin");
  return (
    <div className="mx-auto max-w-5xl">
      <AdminNav user={user} />
      {children}
    </div>
  );
}
