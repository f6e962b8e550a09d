import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parse } from '@formatjs/icu-messageformat-parser';
import { type Plugin, defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { isPlainText } from '../shared/src/i18n-format';

/**
 * Home, and the small helpers it shares with the partnership pages (its word lists, date formats,
 * domain constants, infinite lists), as one file instead of a dozen: on a slow network each file
 * costs a round trip, and over HTTP/1.1 only six go at once. Only these modules, not their
 * dependencies, which are in the first file already (the sign-in page must not download Home).
 */
const HOME_FILES = [
  '/web/src/features/home/',
  '/web/src/features/partnerships/PartnershipCard.',
  '/web/src/features/partnerships/card/',
  '/web/src/ui/format.',
  '/web/src/ui/ShowMore.',
  '/shared/src/domain.',
  '/@tanstack/query-core/build/modern/infiniteQueryObserver.',
  '/@tanstack/react-query/build/modern/useInfiniteQuery.',
];
/** The word helpers Home itself uses; the other features' word helpers go together in one file of their own. */
const HOME_WORDS = ['/goals/goalWords.', '/sessions/sessionWords.', '/concerns/concernWords.'];
const slashed = (id: string) => id.replaceAll('\\', '/');
const isWords = (file: string) => file.includes('/web/src/features/') && file.endsWith('Words.ts');
const inHomeFile = (id: string) => {
  const file = slashed(id);
  return HOME_FILES.some((f) => file.includes(f)) || (isWords(file) && HOME_WORDS.some((f) => file.includes(f)));
};
const inWordsFile = (id: string) => isWords(slashed(id)) && !inHomeFile(id);

/**
 * Message catalogs (every `messages.ts`) reach the browser already parsed: each quoted message
 * becomes its ICU syntax tree, so the app ships FormatJS's formatter without its parser (the
 * alias below), and a message with a syntax error fails the build instead of a page. Plain text
 * (no placeholder, no ICU syntax character) stays a string, which format() returns as it is.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'tandem-precompiled-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]messages\.ts$/.test(id)) return null;
      const out = code.replace(/(\b[A-Za-z_]\w*\s*:\s*)('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g, (_all, head: string, literal: string) => {
        const message = new Function(`return ${literal}`)() as string;
        try {
          const tree = parse(message);
          // Plain text stays a string (format() returns it as it is): shorter than its one-element tree.
          if (isPlainText(message) && tree.length === 1 && tree[0].type === 0) return `${head}${JSON.stringify(message)}`;
          return `${head}${JSON.stringify(tree)}`;
        } catch (e) {
          throw new Error(`${id}: ${JSON.stringify(message)} is not a valid ICU message (${(e as Error).message})`);
        }
      });
      return { code: out, map: null };
    },
  };
}

/**
 * Writes web/early.js into the page itself, with Home's own file named in it: a browser that was
 * signed in last time asks its first questions and starts fetching Home's file while the page is
 * read, instead of a round trip later (on Slow 4G, 150 ms and more, before the app's first file
 * has even arrived). The server allows exactly this inline script by its hash
 * (server/src/platform/security-headers.ts). A signed-out visit fetches nothing more.
 */
function earlyQuestionsInline(): Plugin {
  const tag = '<script async src="/early.js"></script>';
  return {
    name: 'tandem-early-questions-inline',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!html.includes(tag)) throw new Error(`web/index.html no longer has ${tag}: the early questions would not be asked`);
        const home = Object.values(ctx.bundle ?? {}).find((file) => file.type === 'chunk' && file.name === 'home');
        // In the dev server there is no bundle: Home's file is not fetched ahead there.
        if (ctx.bundle && !home) throw new Error('no "home" file in the build: the early questions could not fetch Home ahead');
        const source = fs.readFileSync(path.join(import.meta.dirname, 'early.js'), 'utf8');
        const script = source
          .replace(/^\/\*[\s\S]*?\*\/\s*/, '')
          .replace('HOME_FILE', JSON.stringify(home ? `/${home.fileName}` : null))
          .trim();
        return html.replace(tag, `<script>${script}</script>`);
      },
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  resolve: {
    alias: [
      { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
      // The browser runs the components on Preact's React-compatible layer: the same components and
      // hooks, about 10 kB where react-dom is about 60 kB compressed, which is most of the first
      // file on a slow tablet (issue 9's 1.5 s first load). The server (chart SVG for PDFs) and the
      // unit tests keep React itself; the browser tests run the built app, so they check Preact.
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
    ],
  },
  plugins: [
    precompiledMessages(),
    earlyQuestionsInline(),
    // Installable, and usable in a classroom with no network: a service worker keeps the app shell
    // (the page, the first file, the styles) and every hashed file once it has been loaded, so a
    // reload offline comes back; observation taps themselves are kept in IndexedDB
    // (features/observations/record). Nothing under /api is ever cached here: coaching content
    // never sits in a cache, and answers always come from the server.
    VitePWA({
      registerType: 'autoUpdate',
      // Written into the page (allowed by its hash like the early questions): one request fewer
      // competing for the browser's six connections on a first visit.
      injectRegister: 'inline',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Tandem',
        short_name: 'Tandem',
        description: 'Coaching partnerships where the person being coached stays in charge of their story.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d5c8c',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The shell only: each page's own file is kept the first time it is loaded (below), so
        // installing does not download the whole app on a slow network.
        globPatterns: ['index.html', 'assets/index-*.{js,css}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          {
            // Hashed files never change: the cached copy is the right one.
            urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/assets/'),
            handler: 'CacheFirst',
            options: { cacheName: 'tandem-files', expiration: { maxEntries: 300 } },
          },
        ],
      },
    }),
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
    rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'home', test: inHomeFile }, { name: 'words', test: inWordsFile }] } } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});
