import type { MetadataRoute } from "next";

/** What a pinned app or a phone's home screen shows. Linked by Next from every page. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Atende",
    short_name: "Atende",
    description: "CRM de contact center: agendas, WhatsApp e atendimento.",
    lang: "pt-BR",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#006a7d",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
