/**
 * The steps over the built site, which scripts/build.ts runs once `astro build` has finished: what
 * they share and how they report. Each step reports on lines `[frontier-commons:<step>] … (<ms> ms)`,
 * which `npm run bench` reads.
 */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
}

/** What every step gets: the built site's folder. */
export interface BuildContext {
  dist: string;
}

export interface Step {
  name: string;
  run(ctx: BuildContext, log: Log): Promise<void>;
}

export const stepLog = (step: string): Log => ({
  info: (m) => console.log(`[frontier-commons:${step}] ${m}`),
  warn: (m) => console.warn(`[frontier-commons:${step}] ${m}`),
});

/** Runs the stages in order and the steps of one stage side by side; the first failure stops the build. */
export async function runSteps(ctx: BuildContext, stages: Step[][]): Promise<void> {
  const started = performance.now();
  for (const stage of stages) await Promise.all(stage.map((step) => step.run(ctx, stepLog(step.name))));
  stepLog('after-build').info(`after-build steps done (${Math.round(performance.now() - started)} ms)`);
}
