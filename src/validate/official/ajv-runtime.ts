/**
 * What cached standalone code depends on at run time, kept apart from create-ajv.ts so that loading a
 * cached validator does not load Ajv's compiler.
 */
import { createRequire } from "node:module";
import type { Format } from "ajv";
import { fullFormats } from "ajv-formats/dist/formats.js";

const require = createRequire(import.meta.url);

function versionOf(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/**
 * Part of the cache key: generated code calls Ajv's runtime helpers and bakes in the shape of each
 * format (a RegExp is called differently from a function), so either upgrade must rebuild it.
 */
export const AJV_VERSION = `ajv@${versionOf("ajv")}+ajv-formats@${versionOf("ajv-formats")}`;

/**
 * Every format the validators may use. Harness's schemas come from Java/OpenAPI tooling and mark
 * numbers with OpenAPI formats (`int32`, `int64`, `double`) that Ajv lacks; ajv-formats' full set
 * has them, and they only constrain numbers, so a `<+input>` string in the same spot is untouched.
 * Standalone code refers to this object by the free name `formats` (see `code.formats` in create-ajv.ts), and
 * the cached-module loader passes it in under that name.
 */
export const FORMATS: Readonly<Record<string, Format>> = fullFormats;
