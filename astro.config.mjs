// Site and base come from the environment (SITE_URL, BASE_PATH); everything else is fixed here.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { linksAndAnchors } from './src/markdown/links-and-anchors.ts';
import { aliasPathsSync, contentCheck } from './src/integrations/content-check.ts';
import { deployFiles } from './src/integrations/deploy-files.ts';
import { contentStoreFromFile } from './src/integrations/content-store.ts';
import { withoutBase } from './src/lib/urls.ts';
import { basePath, siteUrl } from './src/lib/settings.ts';
import { isAstroMdxDirectiveWarning } from './src/lib/build-warnings.ts';
import { cacheRoot, contentDir } from './src/site.ts';
import path from 'node:path';

// A bad SITE_URL or BASE_PATH stops here with the variable, the value and a good example.
const base = basePath(process.env.BASE_PATH);
// Redirect stubs are not pages: keep them out of the sitemap.
const aliases = aliasPathsSync();

export default defineConfig({
  site: siteUrl(process.env.SITE_URL),
  base,
  trailingSlash: 'always',
  // Builds of different content folders (tests, benchmarks) each keep their own content cache.
  cacheDir: cacheRoot,
  // Nothing inline: every script and stylesheet is a file, so the CSP needs no hashes or 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The dev server does not watch generated folders: after `npm run bench` (.bench/ holds whole
  // sites) it ran out of file watchers (ENOSPC).
  // One harmless warning that Rolldown prints for every MDX piece is dropped (src/lib/build-warnings.ts).
  // '@content' lets article components find images beside a piece (src/components/mdx/Figure.astro).
  vite: {
    resolve: { alias: { '@content': path.resolve(contentDir) } },
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        onwarn: (w, warn) => {
          if (!isAstroMdxDirectiveWarning(w)) warn(w);
        },
      },
    },
    server: { watch: { ignored: ['**/.bench/**', '**/.build-cache/**', '**/dist/**', '**/.scratch/**'] } },
  },
  devToolbar: { enabled: false },
  // Pages whose getStaticPaths gives a cacheKey (articles) are copied
  // from the last build when the key and the code are unchanged (see src/lib/cache-key.ts).
  experimental: { incrementalBuild: true },
  markdown: {
    processor: satteri({ hastPlugins: [linksAndAnchors(base)] }),
    // Shiki writes inline style attributes, which the CSP (no 'unsafe-inline') would block.
    syntaxHighlight: false,
  },
  integrations: [
    contentCheck(),
    contentStoreFromFile(),
    mdx(),
    sitemap({ filter: (page) => !/\/search\/$/.test(page) && !aliases.has(withoutBase(new URL(page).pathname, base)) }),
    deployFiles(),
    // Pagefind, the service worker and the archive run after Astro exits: scripts/build.ts.
  ],
});
