/** "Cite this": a plain-text citation and BibTeX for a piece, with its URL and the date retrieved. */
import { formatDate } from './dates.ts';

export interface Citable {
  title: string;
  author: string;
  publisher: string;
  published: string;
  url: string;
  slug: string;
}

/** `retrieved` is the build date: a static page cannot know the reader's. */
export function plainCitation(c: Citable, retrieved: string): string {
  return `${c.author}. “${c.title}.” ${c.publisher}, ${formatDate(c.published)}. ${c.url} (retrieved ${formatDate(retrieved)}).`;
}

const bib = (s: string) => s.replace(/[\\{}]/g, (ch) => `\\${ch}`).replace(/[%&$#_]/g, (ch) => `\\${ch}`);

export function bibtex(c: Citable, retrieved: string): string {
  return `@online{frontiercommons-${c.slug},
  author       = {{${bib(c.author)}}},
  title        = {${bib(c.title)}},
  organization = {${bib(c.publisher)}},
  date         = {${c.published}},
  url          = {${c.url}},
  urldate      = {${retrieved}},
}
`;
}
