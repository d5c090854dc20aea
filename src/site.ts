/** The one config module: names, navigation, page sizes. Paths come from lib/urls.ts. */
import { paths } from './lib/urls.ts';

export const site = {
  title: 'Frontier Commons',
  tagline: 'News and analysis on open-source AI',
  description: 'Sourced news, analysis and a timeline of the labs, models and people of open-source and open-weights AI.',
  /** The publisher in JSON-LD and feeds, and the byline when content/authors/ lacks the default author. */
  author: 'Frontier Commons',
  /** The author (content/authors/<id>.yaml) of pieces that name none. */
  defaultAuthor: 'newsroom',
  lang: 'en',
  /** Where readers reach the editors (About, "Contact"): SITE_CONTACT, an e-mail address or an http(s) URL; unset, About has no contact section. */
  contact: contactFrom(process.env.SITE_CONTACT),
  /** Articles on the home page (the lead, the next few, then the latest); the archive lists the rest. */
  homeArticles: 10,
  /** The pieces beside the lead on the home page. */
  homeNext: 3,
  /** Timeline milestones shown on the home page. */
  homeMilestones: 6,
  /** Pieces per archive page, and pieces listed on a lab, topic, model or person page (the rest are a search away). */
  archivePageSize: 50,
  entityCoverage: 12,
  /** Items in each feed. */
  feedItems: 50,
  nav: [
    { label: 'Timeline', href: paths.timeline() },
    { label: 'Models', href: paths.models() },
    { label: 'Labs', href: paths.labs() },
    { label: 'Topics', href: paths.topics() },
    { label: 'Archive', href: paths.archive() },
    { label: 'About', href: paths.about() },
  ],
} as const;

function contactFrom(value: string | undefined): { href: string; label: string } | undefined {
  if (!value) return undefined;
  if (/^https?:\/\//.test(value)) return { href: value, label: value.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '') };
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return { href: `mailto:${value}`, label: value };
  throw new Error(`SITE_CONTACT="${value}" is neither an e-mail address nor an http(s) URL`);
}

/** Where content lives. Tests point this at fixture folders to build bad content. */
export const contentDir = process.env.FC_CONTENT_DIR ?? 'content';

/** Where builds keep what a later build can reuse (Astro's cacheDir too; see docs/deploy.md). */
export const cacheRoot = process.env.FC_CACHE_DIR ?? 'node_modules/.astro';
/** Preview images, keyed by content hash. */
export const ogCacheDir = `${cacheRoot}/og-images`;
