import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the platform itself at "/" (scripts/local), by the edge Worker in AWS; the API is same-origin.
// The dev server (npm run dev) proxies /api to a local runtime on :8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, manifest: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
