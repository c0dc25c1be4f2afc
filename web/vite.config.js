// Vite builds the two pages into dist/site, which package web embeds:
//   /          src/index.html            the graph explorer (Cytoscape.js)
//   /graphiql  src/graphiql/index.html   GraphiQL 5 (React + Monaco, workers bundled)
// dist/.keep is committed so that go:embed has something before the first build;
// dist/site is build output and is not committed.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const src = fileURLToPath(new URL('./src', import.meta.url));

export default defineConfig({
  root: src,
  base: '/',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist/site', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Keep fonts and icons as files, not data URLs, unless they are tiny.
    assetsInlineLimit: 4096,
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries' "use client" directives mean nothing outside React Server Components.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        explorer: `${src}/index.html`,
        graphiql: `${src}/graphiql/index.html`,
      },
    },
  },
  worker: { format: 'es' },
  plugins: [precompress()],
  server: {
    // `npm run dev` proxies the API to a running server (PLEDGEGRAPH_URL, default :8080).
    proxy: { '/graphql': process.env.PLEDGEGRAPH_URL ?? 'http://127.0.0.1:8080' },
  },
});

// Writes file.gz beside every compressible file over 1 KiB; package web sends
// it to clients that accept gzip (the GraphiQL bundle shrinks from ~7 MB to ~2 MB).
function precompress() {
  let outDir;
  return {
    name: 'pledgegraph-precompress',
    apply: 'build',
    configResolved(config) { outDir = config.build.outDir; },
    closeBundle() {
      const walk = (dir) => {
        for (const name of readdirSync(dir)) {
          const path = join(dir, name);
          if (statSync(path).isDirectory()) { walk(path); continue; }
          if (!/\.(js|mjs|css|html|svg|json|ttf|map|txt)$/.test(name)) continue;
          const data = readFileSync(path);
          if (data.length < 1024) continue;
          const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
          if (gz.length < data.length * 0.9) writeFileSync(`${path}.gz`, gz);
        }
      };
      walk(outDir);
    },
  };
}
