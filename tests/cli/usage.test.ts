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

test("the help has no English left from the option library", async () => {
  for (const argv of [["--help"], ["check", "--help"], ["inspect", "--help"], ["help", "add-year"]]) {
    const c = capture();
    await main(argv, c.io);
    const text = c.out.join("");
    expect(text).toContain("Utilisation");
    expect(text).not.toMatch(/\b(default|command|Usage|Options:|Arguments:)\b/);
    expect(text).not.toMatch(/annex-spec/);
  }
});

test("unknown options and missing arguments are told in French", async () => {
  const c = capture();
  expect(await main(["check", "--frobnicate"], c.io)).toBe(2);
  expect(c.err.join("")).toMatch(/^Option inconnue\u00a0: --frobnicate/);
  expect(c.err.join("")).not.toMatch(/error|unknown/i);
});
