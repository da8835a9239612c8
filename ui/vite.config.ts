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
    chunkSizeWarningLimit: 1000,
    // The libraries (React, Chart.js, Tauri's API) in a chunk of their own, so the app's own
    // code has the size limit to itself. Both load at start from the app's embedded files.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "vendor", test: /node_modules[\\/]/ }],
        },
      },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
