/** Case `index` of a seeded run: a seed project with one to three mutations stacked on it. */
import { annotationMutations } from "./mutate-annotations.js";
import { hostileMutations } from "./mutate-hostile.js";
import { schemaMutations } from "./mutate-schema.js";
import { tokenMutations } from "./mutate-tokens.js";
import type { Mutation } from "./mutation.js";
import type { Project } from "./project.js";
import { caseRandom } from "./random.js";

export interface FuzzCase {
  readonly index: number;
  readonly project: Project;
  /** Names of the mutations applied, in order. */
  readonly mutations: readonly string[];
}

/** Families weighted so that each gets a fair share whatever its number of members. */
const families: readonly (readonly Mutation[])[] = [tokenMutations, tokenMutations, annotationMutations, hostileMutations, schemaMutations];

export const allMutations: readonly Mutation[] = families.flat().filter((m, i, all) => all.indexOf(m) === i);

export function makeCase(corpus: readonly Project[], seed: number, index: number): FuzzCase {
  const rng = caseRandom(seed, index);
  let project = rng.pick(corpus);
  const mutations: string[] = [];
  const wanted = 1 + rng.int(3);
  for (let attempt = 0; attempt < 20 && mutations.length < wanted; attempt++) {
    const m = rng.pick(rng.pick(families));
    const next = m.apply(project, { rng, corpus });
    if (next === null) continue;
    project = next;
    mutations.push(m.name);
  }
  return { index, project, mutations };
}
