/**
 * Order of a merged list (or mapping): ours' order, elements the new render added placed right
 * after their predecessor in the render; when both sides add at the same place, the team's
 * elements come first, then the render's (a fixed tie-break, so results never depend on chance).
 * If the render reordered elements both sides still have and the team did not, the render's order
 * wins; if both reordered them differently, that is a conflict.
 */

export interface OrderInput {
  base: readonly string[];
  /** Ours' keys that survive the merge, in ours' order. */
  ours: readonly string[];
  theirs: readonly string[];
}

export interface MergedOrder {
  oursMoved: boolean;
  theirsMoved: boolean;
  reorderConflict: boolean;
  baseOrder: string[];
  oursOrder: string[];
  theirsOrder: string[];
  /** The final order, `added` (theirs' new keys) placed in; `follow` picks whose reorder to keep (default: the one that moved). */
  keys(added: ReadonlyMap<string, unknown>, follow?: "ours" | "theirs"): string[];
}

const equal = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function mergeOrder(input: OrderInput): MergedOrder {
  const inOurs = new Set(input.ours);
  const inTheirs = new Set(input.theirs);
  const inBase = new Set(input.base);
  const common = (k: string): boolean => inOurs.has(k) && inTheirs.has(k) && inBase.has(k);
  const baseOrder = input.base.filter(common);
  const oursOrder = input.ours.filter(common);
  const theirsOrder = input.theirs.filter(common);
  const oursMoved = !equal(oursOrder, baseOrder);
  const theirsMoved = !equal(theirsOrder, baseOrder);
  const reorderConflict = oursMoved && theirsMoved && !equal(oursOrder, theirsOrder);

  return {
    oursMoved,
    theirsMoved,
    reorderConflict,
    baseOrder,
    oursOrder,
    theirsOrder,
    keys(added, follow) {
      const result = [...input.ours];
      const useTheirs = follow === undefined ? theirsMoved && !oursMoved : follow === "theirs";
      if (useTheirs) {
        let next = 0;
        result.forEach((k, i) => {
          if (common(k)) result[i] = theirsOrder[next++] as string;
        });
      }
      const oursAdded = (k: string): boolean => !inBase.has(k) && !inTheirs.has(k);
      input.theirs.forEach((key, index) => {
        if (!added.has(key)) return;
        let at = 0;
        for (let j = index - 1; j >= 0; j--) {
          const found = result.indexOf(input.theirs[j] as string);
          if (found >= 0) {
            at = found + 1;
            break;
          }
        }
        while (at < result.length && oursAdded(result[at] as string)) at++;
        result.splice(at, 0, key);
      });
      return result;
    },
  };
}
