import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// The local platform serves `dist` at `/` (SPA fallback) on the same origin as the API,
// so every API path is relative. In `vite dev` the API is proxied to the local server.
const apiTarget = process.env.UFP_API ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/trpc': apiTarget,
      '/auth': apiTarget,
      '/dev/': apiTarget,
      '/health': apiTarget,
    },
  },
});
