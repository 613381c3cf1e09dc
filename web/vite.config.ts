import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd alone is ~1 MB minified; the warning would only repeat that.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // GRASSROOTS_API points the dev server at another local server (e.g. a demo on another port).
    proxy: { '/api': process.env.GRASSROOTS_API ?? 'http://127.0.0.1:3000' },
  },
});
