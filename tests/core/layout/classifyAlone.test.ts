import { classifyHeader } from "../../../src/core/layout/classify";
import { classifyAlone } from "../../../src/core/layout/classifyAlone";
import { normHead } from "../../../src/core/layout/normalize";

// The memo behind the header scan (issue 15) must answer exactly as the classifier does, however often it is asked.
const TEXTS = ["N° fiche", "FIR", "ETAT", "Total CD", "2022", "Budget total", "Action de prévention", "Fondamental", "", " ", "Réalisé 2024"];

describe("classifyAlone", () => {
  it("gives classifyHeader's class, asked once or again", () => {
    for (let pass = 0; pass < 2; pass++) for (const t of TEXTS) expect(classifyAlone(t)).toEqual(classifyHeader("", t));
    expect(classifyAlone("N° fiche")).toEqual({ role: "fiche" });
  });

  it("returns a fresh object: a caller changing it changes no later answer", () => {
    const first = classifyAlone("N° fiche") as { role: string };
    first.role = "label";
    expect(classifyAlone("N° fiche")).toEqual({ role: "fiche" });
  });
});

describe("normHead, cached", () => {
  it("normalises the same text the same way on every call, on its first characters only", () => {
    const long = "Élaboration d’un schéma départemental — " + "x".repeat(80);
    const once = normHead(long);
    expect(normHead(long)).toBe(once);
    expect(once.startsWith("elaboration d'un schema departemental - ")).toBe(true);
    expect(normHead(long, 20)).toBe("elaboration d'un sch");
  });
});
