/**
 * Cron expressions of scheduled triggers, checked as Harness checks them on save
 * (harness-api-triggers.md §3): the expression must parse (UNIX: 5 fields; QUARTZ: seconds first,
 * 6 or 7 fields), and runs must be at least 5 minutes apart. Harness compares its next two runs
 * from "now"; the kit compares the closest two runs of any day instead, so the answer does not
 * depend on the clock (it refuses everything Harness can refuse at some moment).
 * Shared by the validator and the emulator.
 */

export const MIN_CRON_INTERVAL_MINUTES = 5;

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

const SECOND: Field = { name: "second", min: 0, max: 59 };
const MINUTE: Field = { name: "minute", min: 0, max: 59 };
const HOUR: Field = { name: "hour", min: 0, max: 23 };
const DAY_OF_MONTH: Field = { name: "day of month", min: 1, max: 31 };
const MONTH: Field = { name: "month", min: 1, max: 12, names: MONTHS };
const UNIX_DAY_OF_WEEK: Field = { name: "day of week", min: 0, max: 7, names: DAYS };
const QUARTZ_DAY_OF_WEEK: Field = { name: "day of week", min: 1, max: 7, names: ["", ...DAYS] };
const YEAR: Field = { name: "year", min: 1970, max: 2199 };

export type CronProblem = { kind: "syntax"; message: string } | { kind: "too-often"; minutes: number };

/** Values of one field; undefined with a reason when it does not parse. */
function parseField(text: string, field: Field, quartzDay: boolean): number[] | string {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    if (part === "") return `empty entry in the ${field.name} field "${text}"`;
    // Quartz's day specials (L, W, #, ?) pick days, never times: accept their form, nothing to count.
    if (quartzDay && /^(\?|L|LW|L-\d{1,2}|\d{1,2}W|[1-7A-Z]{1,3}#[1-5]|[1-7A-Z]{1,3}L)$/i.test(part)) continue;
    const [range = "", stepText] = part.split("/");
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) return `step "${stepText}" in the ${field.name} field is not a positive number`;
      step = Number(stepText);
    }
    let low: number;
    let high: number;
    if (range === "*" || (quartzDay && range === "?")) {
      low = field.min;
      high = field.max;
    } else {
      const bounds = range.split("-");
      if (bounds.length > 2) return `"${range}" in the ${field.name} field is not a number or a range`;
      const parsed = bounds.map((b) => valueOf(b, field));
      const bad = parsed.findIndex((v) => v === undefined);
      if (bad >= 0) return `"${bounds[bad] ?? ""}" is not a valid ${field.name} (${field.min}-${field.max})`;
      low = parsed[0] as number;
      high = stepText !== undefined && bounds.length === 1 ? field.max : (parsed[1] ?? low);
      if (high < low) return `range "${range}" in the ${field.name} field runs backwards`;
    }
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function valueOf(text: string, field: Field): number | undefined {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0 && text !== "") return named + (field.names?.[0] === "" ? 0 : field.min === 1 ? 1 : 0);
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : undefined;
}

/** Smallest distance in minutes between two runs on one day (wrapping to the next day's first). */
function closestRuns(seconds: readonly number[], minutes: readonly number[], hours: readonly number[]): number {
  if (seconds.length > 1) return (seconds[1] as number) / 60 - (seconds[0] as number) / 60;
  const times = hours.flatMap((h) => minutes.map((m) => h * 60 + m));
  if (times.length < 2) return 24 * 60;
  let closest = (times[0] as number) + 24 * 60 - (times.at(-1) as number);
  for (let i = 1; i < times.length; i++) closest = Math.min(closest, (times[i] as number) - (times[i - 1] as number));
  return closest;
}

/** Undefined when Harness would take the expression. */
export function checkCron(expression: string, type: "UNIX" | "QUARTZ" = "UNIX"): CronProblem | undefined {
  const fields = expression.trim().split(/\s+/);
  const quartz = type === "QUARTZ";
  const layout = quartz ? [SECOND, MINUTE, HOUR, DAY_OF_MONTH, MONTH, QUARTZ_DAY_OF_WEEK, YEAR] : [MINUTE, HOUR, DAY_OF_MONTH, MONTH, UNIX_DAY_OF_WEEK];
  const wanted = quartz ? "6 or 7 fields (second minute hour day-of-month month day-of-week [year])" : "5 fields (minute hour day-of-month month day-of-week)";
  if (quartz ? fields.length < 6 || fields.length > 7 : fields.length !== 5) {
    return { kind: "syntax", message: `a ${type} cron expression has ${wanted}, this one has ${fields.length}` };
  }
  const parsed: number[][] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = layout[i] as Field;
    const dayField = quartz && (field === DAY_OF_MONTH || field === QUARTZ_DAY_OF_WEEK);
    const values = parseField(fields[i] as string, field, dayField);
    if (typeof values === "string") return { kind: "syntax", message: values };
    parsed.push(values);
  }
  const [seconds, minutes, hours] = quartz ? [parsed[0], parsed[1], parsed[2]] : [[0], parsed[0], parsed[1]];
  const gap = closestRuns(seconds ?? [0], minutes ?? [], hours ?? []);
  return gap < MIN_CRON_INTERVAL_MINUTES ? { kind: "too-often", minutes: gap } : undefined;
}

/** True for a time zone id Harness (Java's ZoneId) and this runtime both know, e.g. Europe/Berlin or UTC. */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === "" || zone !== zone.trim()) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
