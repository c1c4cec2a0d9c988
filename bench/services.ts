/**
 * Many different services for the bulk benchmarks: each one renders every entity kind (project,
 * three connectors, service, environments, infrastructures, CI and CD pipelines), and names,
 * registries, environments and tags vary so no two runs of the templates see the same answers.
 */
import { generate } from "../src/index.js";

const WORDS = ["payments", "ledger", "search", "orders", "billing", "catalog", "auth", "notify", "media", "reports"];
const SUFFIXES = ["api", "worker", "web", "gateway", "sync"];
const ENVIRONMENTS: readonly string[][] = [["dev", "prod"], ["dev", "staging", "prod"], ["qa", "prod"], ["dev"]];

/** Answers of service number `i`: unique name (so unique project), the rest cycling through variants. */
export function serviceAnswers(i: number): Record<string, unknown> {
  const word = WORDS[i % WORDS.length] as string;
  const suffix = SUFFIXES[Math.floor(i / WORDS.length) % SUFFIXES.length] as string;
  const name = `${word}-${suffix}-${i}`;
  const answers: Record<string, unknown> = {
    name,
    gitUrl: `https://github.com/acme-${i % 7}/${name}`,
    image: i % 3 === 0 ? `quay.io/acme/${name}` : `acme/${name}`,
    environments: ENVIRONMENTS[i % ENVIRONMENTS.length],
    tags: { team: word, tier: String(i % 3) },
  };
  if (i % 4 === 1) answers.description = `The ${word} ${suffix}, number ${i}: "quoted", with: colons & ampersands`;
  if (i % 5 === 2) answers.branch = "release/1.x";
  return answers;
}

/**
 * How many entities service `i` has: project, 2 secrets, 3 connectors, service, CI + CD pipelines, CI push and
 * pull-request triggers, and 3 per environment (environment, infrastructure, CD input set).
 */
export function entitiesOf(i: number): number {
  // project, 2 secrets, 3 connectors, service, 2 pipelines, 2 triggers, and per environment 3.
  return 11 + 3 * (ENVIRONMENTS[i % ENVIRONMENTS.length] as string[]).length;
}

/** Renders, validates and writes service `i` into `<cwd>/<dir>`; returns how many files it wrote. */
export async function renderService(cwd: string, dir: string, i: number): Promise<number> {
  const result = await generate({ generator: "service", answers: serviceAnswers(i), outDir: dir, cwd, useDefaults: true });
  if (result.issues?.some((issue) => issue.severity === "error")) throw new Error(`service ${i} does not validate`);
  return result.files.length;
}
