/** The words about secret values and their sources. None of them ever includes a value. */
export const secretWords = {
  noSource: (id: string) => `secret "${id}" has no valueSource`,
  noSourceHint: "add valueSource: env:VAR, file:PATH or prompt to its file",
  envMissing: (id: string, variable: string, empty: boolean) =>
    `secret "${id}" takes its value from ${variable}, which is ${empty ? "empty" : "not set"}`,
  envHint: (variable: string) => `export ${variable}=<value> (in CI, map it from the CI's own secret store), then run again`,
  fileOutside: (id: string, file: string) => `secret "${id}": valueSource file "${file}" is outside the repository`,
  fileOutsideHint: "give a path relative to the repository root, without ..",
  fileUnreadable: (id: string, file: string, why: string) => `secret "${id}" takes its value from file ${file}, which ${why}`,
  fileHint: (file: string) => `put the value in ${file} (keep it out of version control), then run again`,
  noTerminal: (id: string) => `secret "${id}" asks for its value at a prompt, but there is no terminal`,
  noTerminalHint: (id: string) =>
    `run publish at a terminal, or change its valueSource to env:VAR and set VAR (e.g. env:${id.toUpperCase()})`,
  promptQuestion: (id: string) => `Value of secret "${id}" (input hidden): `,
  promptEmpty: (id: string) => `secret "${id}": an empty value was entered`,
  missingBeforePublish: (n: number) =>
    `${n === 1 ? "1 secret has" : `${n} secrets have`} no value available; nothing was sent to Harness:`,
  missingHint: "set the variables (or files) named above, then run publish again",
  managerNotReady: "the project's secret manager is not ready yet (Harness creates it just after the project)",
};
