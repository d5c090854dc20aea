/** Which events a <TimelineSlice> shows: a lab's, a topic's or chosen ones, within dates and kinds. */
import { comparePartialDates } from './dates.ts';
import type { MilestoneLike } from './timeline.ts';

export interface SliceQuery {
  lab?: string | undefined;
  /** Events covered by pieces on the topic (milestones have no topic of their own). */
  topicMilestones?: string[] | undefined;
  ids?: string[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kinds?: string[] | undefined;
  limit?: number | undefined;
}

/** The events of a sorted list that match every given condition; the latest `limit` of them. */
export function sliceMilestones<T extends MilestoneLike>(sorted: T[], q: SliceQuery): T[] {
  // A partial 'to' includes what it contains: to '2023' keeps '2023-12-31'.
  const within = (date: string) =>
    (!q.from || comparePartialDates(date, q.from) >= 0 || date.startsWith(q.from)) && (!q.to || comparePartialDates(date, q.to) <= 0 || date.startsWith(q.to));
  const out = sorted.filter(
    (m) =>
      (!q.lab || m.data.lab.id === q.lab) &&
      (!q.topicMilestones || q.topicMilestones.includes(m.id)) &&
      (!q.ids || q.ids.includes(m.id)) &&
      (!q.kinds || q.kinds.includes(m.data.kind)) &&
      within(m.data.date),
  );
  return q.limit ? out.slice(-q.limit) : out;
}
