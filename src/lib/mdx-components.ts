/**
 * The components an `.mdx` article may use, by the name it writes (`<Chart …/>`), with the props each
 * accepts. The content check validates every use against this list before anything builds (file:line,
 * the prop, what is wrong), and articles get the components without an import (ArticleLayout passes
 * them to <Content components>). The components themselves live in src/components/mdx/.
 */
import type { z } from 'astro/zod';

/** Ids a use of a component refers to, resolved by the content check against the knowledge base. */
export interface ComponentRef { prop: string; collection: 'labs' | 'models' | 'people' | 'topics' | 'milestones'; id: string }

export interface ComponentRule {
  /** The props, as they are written in the article (literals only: strings, numbers, booleans, arrays, objects). */
  props: z.ZodType;
  /** The knowledge-base ids a (valid) use names, so a missing one is an error naming the prop. */
  refs?: (props: Record<string, unknown>) => ComponentRef[];
  /** Whether the component takes children (Markdown between its tags). */
  children?: boolean;
}

export const articleComponents: Record<string, ComponentRule> = {};
