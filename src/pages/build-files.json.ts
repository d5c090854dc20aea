// /build-files.json: every piece's BibTeX entry and every preview card, as one list. The build
// writes those files from it after Astro and deletes it (src/integrations/generated-files.ts).
import type { APIRoute } from 'astro';
import { generatedFiles } from '../data.ts';

export const GET: APIRoute = async ({ site }) => Response.json(await generatedFiles(site!));
// The path is paths.buildFiles() (src/lib/urls.ts); the deploy check leaves it out of the URL lock.
