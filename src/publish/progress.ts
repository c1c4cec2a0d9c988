/**
 * Progress of a publish run as the user sees it: one line per entity as it completes, and on a
 * terminal a spinner below them naming the kind in flight. Without a terminal (CI logs, pipes)
 * only the plain lines are written.
 */
import type { Output } from "../cli/context.js";
import { kindStarted, publishLine } from "./messages.js";
import type { ProgressEvent } from "./publish.js";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const CLEAR_LINE = "\r\x1b[2K";

export interface ProgressPrinter {
  onProgress(event: ProgressEvent): void;
  stop(): void;
}

export function progressPrinter(out: Output, spinner: boolean): ProgressPrinter {
  let status = "";
  let done = 0;
  let total = 0;
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = (): void => {
    if (!spinner || status === "") return;
    out.write(`${CLEAR_LINE}${FRAMES[frame % FRAMES.length]} ${status} (${done}/${total} done)`);
  };
  if (spinner) {
    timer = setInterval(() => {
      frame += 1;
      draw();
    }, 80);
    timer.unref();
  }
  return {
    onProgress(event) {
      if (event.type === "kind") {
        [status, done, total] = [kindStarted(event.kind, event.count), 0, event.count];
        draw();
        return;
      }
      if (event.type !== "done") return;
      done += 1;
      if (spinner) out.write(CLEAR_LINE);
      out.write(publishLine(event.item));
      draw();
    },
    stop() {
      if (timer !== undefined) clearInterval(timer);
      if (spinner && status !== "") out.write(CLEAR_LINE);
      status = "";
    },
  };
}
