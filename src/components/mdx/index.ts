/** The components articles use without an import (passed to <Content components>); their props: lib/mdx-components.ts. */
import Callout from './Callout.astro';
import Chart from './Chart.astro';
import Compare from './Compare.astro';
import Figure from './Figure.astro';
import ModelFacts from './ModelFacts.astro';
import TimelineSlice from './TimelineSlice.astro';

export const mdxComponents = { Callout, Chart, Compare, Figure, ModelFacts, TimelineSlice };
