/** Profiles of entities: what a lab, model or person page joins from the rest of the content. */
import { referencing } from './relations.ts';

interface Entry {
  id: string;
}
interface LabLike extends Entry {
  data: { parent?: { id: string } | undefined };
}
interface ModelLike extends Entry {
  data: {
    lab: { id: string };
    relations: { successorOf?: { id: string } | undefined; distilledFrom: { id: string }[]; fineTunedFrom?: { id: string } | undefined };
  };
}
interface PersonLike extends Entry {
  data: { roles: { lab: { id: string } }[] };
}
interface MilestoneLike extends Entry {
  data: { lab: { id: string }; models: { id: string }[]; people: { id: string }[] };
}
interface World<L, M, P, T, A> {
  labs: L[];
  models: M[];
  people: P[];
  milestones: T[];
  articles: A[];
}

export function labProfile<
  L extends LabLike,
  M extends ModelLike,
  P extends PersonLike,
  T extends MilestoneLike,
  A extends { data: { labs: { id: string }[] } },
>(lab: L, w: World<L, M, P, T, A>) {
  return {
    parent: w.labs.find((l) => l.id === lab.data.parent?.id),
    children: w.labs.filter((l) => l.data.parent?.id === lab.id),
    models: w.models.filter((m) => m.data.lab.id === lab.id),
    people: w.people.filter((p) => p.data.roles.some((r) => r.lab.id === lab.id)),
    milestones: w.milestones.filter((m) => m.data.lab.id === lab.id),
    articles: referencing(w.articles as never[], 'labs', lab.id) as A[],
  };
}

export type RelationKind = 'successor-of' | 'succeeded-by' | 'distilled-from' | 'distilled-into' | 'fine-tuned-from' | 'fine-tuned-into';

/** A model's relations, both directions: what it came from and what came from it. */
export function modelRelations<M extends ModelLike>(model: M, models: M[]): { kind: RelationKind; model: M }[] {
  const byId = (id: string | undefined) => models.find((m) => m.id === id);
  const out: { kind: RelationKind; model: M | undefined }[] = [
    { kind: 'successor-of', model: byId(model.data.relations.successorOf?.id) },
    ...model.data.relations.distilledFrom.map((r) => ({ kind: 'distilled-from' as const, model: byId(r.id) })),
    { kind: 'fine-tuned-from', model: byId(model.data.relations.fineTunedFrom?.id) },
    ...models.filter((m) => m.data.relations.successorOf?.id === model.id).map((m) => ({ kind: 'succeeded-by' as const, model: m })),
    ...models.filter((m) => m.data.relations.distilledFrom.some((r) => r.id === model.id)).map((m) => ({ kind: 'distilled-into' as const, model: m })),
    ...models.filter((m) => m.data.relations.fineTunedFrom?.id === model.id).map((m) => ({ kind: 'fine-tuned-into' as const, model: m })),
  ];
  return out.filter((r): r is { kind: RelationKind; model: M } => r.model !== undefined);
}

export function modelProfile<
  L extends Entry,
  M extends ModelLike,
  P extends PersonLike,
  T extends MilestoneLike,
  A extends { data: { models: { id: string }[] } },
>(model: M, w: World<L, M, P, T, A>) {
  return {
    lab: w.labs.find((l) => l.id === model.data.lab.id),
    relations: modelRelations(model, w.models),
    milestones: w.milestones.filter((m) => m.data.models.some((r) => r.id === model.id)),
    articles: referencing(w.articles as never[], 'models', model.id) as A[],
  };
}

export function personProfile<
  L extends Entry,
  M extends ModelLike,
  P extends PersonLike,
  T extends MilestoneLike,
  A extends { data: { people: { id: string }[] } },
>(person: P, w: World<L, M, P, T, A>) {
  return {
    milestones: w.milestones.filter((m) => m.data.people.some((r) => r.id === person.id)),
    articles: referencing(w.articles as never[], 'people', person.id) as A[],
  };
}
