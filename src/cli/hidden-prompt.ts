/**
 * A prompt whose answer is not echoed, for `valueSource: prompt` secrets. Only at a terminal:
 * without one there is nobody to ask, and publish says which secret needs which variable instead.
 */
import { KitError } from "../errors.js";
import type { CliContext } from "./context.js";

type TtyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (on: boolean) => unknown };

export function hiddenPrompt(ctx: Pick<CliContext, "stdin" | "stderr" | "interactive">): ((question: string) => Promise<string>) | undefined {
  if (!ctx.interactive) return undefined;
  const input = ctx.stdin as TtyInput;
  return (question) =>
    new Promise((resolve, reject) => {
      // Echo off before the question shows: a fast typist (or a script) must not race it.
      input.setRawMode?.(true);
      ctx.stderr.write(question);
      let value = "";
      const finish = (): void => {
        input.removeListener("data", onData);
        input.setRawMode?.(false);
        input.pause();
        ctx.stderr.write("\n");
      };
      const onData = (chunk: Buffer | string): void => {
        for (const ch of chunk.toString()) {
          if (ch === "\r" || ch === "\n") {
            finish();
            resolve(value);
            return;
          }
          if (ch === "\u0003") {
            finish();
            reject(new KitError("E_USAGE", "interrupted at the secret prompt; nothing was sent"));
            return;
          }
          value = ch === "\u007f" || ch === "\b" ? value.slice(0, -1) : value + ch;
        }
      };
      input.on("data", onData);
      input.resume();
    });
}
