/**
 * The stylesheets a piece's components need, linked only on the pages that use them: every article
 * shares one route, so a stylesheet imported by a component would weigh on all of them (30 KB budget).
 */
import boxes from '../../styles/mdx/boxes.css?url';
import chart from '../../styles/mdx/chart.css?url';
import figure from '../../styles/mdx/figure.css?url';
import { componentsUsed } from '../../lib/mdx-components.ts';

const sheets: Record<string, string[]> = {
  Chart: [figure, chart],
  TimelineSlice: [figure, chart],
  Figure: [figure],
  Compare: [figure, boxes],
  ModelFacts: [boxes],
  Callout: [boxes],
};

export const stylesheetsFor = (body: string | undefined): string[] => [...new Set(componentsUsed(body).flatMap((c) => sheets[c] ?? []))];
