import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Rust binary embeds dist/ and serves it from its own origin, so relative paths and no dev server.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  build: {
    target: 'safari15', // WebKitGTK / WKWebView
    outDir: 'dist',
    emptyOutDir: true,
  },
});
