import { describe, expect, it } from "vitest";
import { checkIdentifier, checkName, describeIdentifierProblem, identifierFromName } from "../../src/rules/identifiers.js";

describe("identifier rules", () => {
  it.each([
    ["payments-api", "payments_api"],
    ["Payments API v2", "Payments_API_v2"],
    ["2fa service", "_2fa_service"],
    ["café crème", "cafe_creme"],
    ["step", "step_"],
    ["--", undefined],
  ])("derives %j → %j", (name, id) => {
    expect(identifierFromName(name)).toBe(id);
  });

  it("derived identifiers always pass the identifier rules", () => {
    for (const name of ["a".repeat(300), "x.y/z", "new", "  padded  ", "Ünïcödé-ñame"]) {
      const id = identifierFromName(name);
      expect(id && checkIdentifier(id)).toBeUndefined();
    }
  });

  it("refuses what Harness refuses, with Harness's wording for keywords", () => {
    expect(checkIdentifier("")).toEqual({ rule: "empty" });
    expect(checkIdentifier("a".repeat(129))).toEqual({ rule: "too-long", max: 128 });
    expect(checkIdentifier("a".repeat(128))).toBeUndefined();
    expect(checkIdentifier("../x")).toEqual({ rule: "pattern" });
    expect(checkIdentifier("a$b")).toEqual({ rule: "pattern" });
    expect(checkIdentifier("a$b", { allowDollar: true })).toBeUndefined();
    expect(describeIdentifierProblem("identifier", "stepGroup", { rule: "reserved" })).toBe('identifier "stepGroup" is a keyword, so cannot be used');
    expect(checkName("api example")).toBeUndefined();
    expect(checkName("bad:name")).toEqual({ rule: "pattern" });
  });
});
