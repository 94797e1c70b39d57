import { defineConfig } from 'vite';

// The dashboard is served by the gateway from dashboard/dist; `npm run dashboard:dev` proxies
// the API to a running `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      // react-router marks its modules "use client" for server components; a browser bundle has no use for it.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE' || log.code === 'PLUGIN_TIMINGS') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
