import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs on its own port; the browser still sees one origin.
const api = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;
const proxy = Object.fromEntries(["/trpc", "/healthz", "/readyz", "/api"].map((path) => [path, api]));

export default defineConfig({
  // The API serves this build under /admin/ (the shop owners' app has /).
  base: "/admin/",
  plugins: [react(), tailwindcss()],
  server: { port: 5174, strictPort: true, proxy },
  preview: { port: 4174, strictPort: true, proxy },
});
