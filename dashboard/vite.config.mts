import { defineConfig } from 'vite';

// The dashboard is served by the gateway from dashboard/dist; `npm run dashboard:dev` proxies
// the API to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
