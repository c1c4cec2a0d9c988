/**
 * The kit's secret file `secrets/<identifier>.yaml`: what Harness needs to create the secret,
 * never its value. `valueSource` says where publish reads the value at the moment it sends it:
 * `env:VAR`, `file:PATH` (relative to the repository) or `prompt`. An SSHKey has no value of its
 * own: it names the secret holding its key (or password). Scope works as for connectors: without
 * projectIdentifier the secret belongs to the organization, without orgIdentifier too to the account.
 */
import { closed, description, enumOf, entityName, identifier, tags, text, type Schema } from "./common.js";

export const SECRET_TYPES: readonly string[] = ["SecretText", "SecretFile", "SSHKey"];

export const VALUE_SOURCE_PATTERN = "^(env:[A-Za-z_][A-Za-z0-9_]*|file:.+|prompt)$";

const ssh: Schema = closed(
  {
    userName: { type: "string", minLength: 1 },
    port: { type: "integer", minimum: 1, maximum: 65535 },
    credentialType: enumOf(["KeyReference", "Password"], "SSH credential type"),
    keyRef: text,
    passwordRef: text,
    passphraseRef: text,
  },
  ["userName"],
  { "x-unknown": "error" },
);

export const secretSchema: Schema = closed(
  {
    secret: closed(
      {
        identifier,
        name: entityName,
        type: enumOf(SECRET_TYPES, "secret type"),
        orgIdentifier: identifier,
        projectIdentifier: identifier,
        description,
        tags,
        secretManagerIdentifier: identifier,
        valueSource: {
          type: "string",
          pattern: VALUE_SOURCE_PATTERN,
          "x-label": "valueSource",
          "x-expected": "env:VARIABLE, file:PATH (relative to the repository) or prompt",
        },
        ssh,
        // Listed so the secret rule, not the unknown-key check, reports it (with its own words).
        value: true,
      },
      ["identifier", "name", "type"],
      { "x-unknown": "error" },
    ),
  },
  ["secret"],
  { "x-unknown": "error" },
);
