import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

/**
 * Home, and the small helpers it shares with the partnership pages (word lists, date formats,
 * domain constants, infinite lists), as one file instead of a dozen: on a slow network each file
 * costs a round trip, and over HTTP/1.1 only six go at once. Only these modules, not their
 * dependencies, which are in the first file already (the sign-in page must not download Home).
 */
const HOME_FILES = [
  '/web/src/features/home/',
  '/web/src/features/concerns/RaisedWithYou.',
  '/web/src/features/partnerships/PartnershipCard.',
  '/web/src/ui/format.',
  '/web/src/ui/ShowMore.',
  '/shared/src/domain.',
  '/@tanstack/query-core/build/modern/infiniteQueryObserver.',
  '/@tanstack/react-query/build/modern/useInfiniteQuery.',
];
const inHomeFile = (id: string) => {
  const file = id.replaceAll('\\', '/');
  return HOME_FILES.some((f) => file.includes(f)) || (file.includes('/web/src/features/') && file.endsWith('Words.ts'));
};

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    // A .br and a .gz beside every text file, at the highest levels (once, at build time): the
    // server sends the one the browser accepts (@fastify/static `preCompressed`), so a slow
    // tablet downloads about a third of the bytes and the server compresses nothing per request.
    compression({
      include: /\.(js|mjs|css|html|svg|json|txt|map)$/,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: zlib.constants.Z_BEST_COMPRESSION }),
      ],
      threshold: 0,
      skipIfLargerOrEqual: true,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'home', test: inHomeFile }] } } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
