import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

/**
 * The browser only ever talks to its own origin: `/graphql` is proxied to the API
 * so that the httpOnly refresh cookie (`pw_refresh`, path /graphql) is first-party.
 * `/api` (HR systems posting signal observations with an import key, and the SSO start and callback
 * endpoints, whose refresh cookie must be first-party) is proxied too, so the
 * usage shown next to a new import key works against the same origin as the app.
 * `API_URL` overrides the target (default: the API's dev port on loopback).
 */
const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

const proxy: Record<string, ProxyOptions> = {
  '/graphql': { target: apiUrl, changeOrigin: false, xfwd: true },
  '/api': { target: apiUrl, changeOrigin: false, xfwd: true },
  // SCIM, so an identity provider can be pointed at the app's own address (the URL the admin page shows).
  '/scim': { target: apiUrl, changeOrigin: false, xfwd: true },
};

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true, proxy },
  build: {
    target: 'es2022',
    // The manifest lets scripts/check-bundle-size.mjs find what the first page load downloads.
    manifest: true,
    sourcemap: false,
  },
});
