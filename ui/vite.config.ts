import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// Tauri serves the dev server at a fixed port (devUrl in tauri.conf.json) and
// loads `dist/` for release builds, so both are pinned here.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK / WKWebView / WebView2 of Tauri 2's supported platforms all handle ES2021.
    target: ["es2021", "safari15", "chrome105"],
    sourcemap: false,
    // Vite's default, kept in sight: the views other than the inventory are lazy imports
    // (shell/views.ts), each in a chunk of its own, so no chunk comes near it.
    chunkSizeWarningLimit: 1000,
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
