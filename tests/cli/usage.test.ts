import { main } from "../../src/cli/main";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

test("without arguments, cdppe prints its usage in French and exits 0", async () => {
  const c = capture();
  expect(await main([], c.io)).toBe(0);
  const text = c.out.join("");
  expect(text).toContain("Utilisation : cdppe");
  expect(text).toContain("Codes de sortie");
  expect(text).not.toMatch(/^Usage:/m);
});

test("an unknown command is refused with exit 2 and a French hint", async () => {
  const c = capture();
  expect(await main(["frobnicate"], c.io)).toBe(2);
  expect(c.err.join("")).toContain("cdppe --help");
});
