import * as fs from "fs";
import * as path from "path";
import { Command, CommanderError } from "commander";
import { cli, cliText, writeText } from "../messages/cli";
import { frenchHelp } from "./help";
import { registerInspect } from "./commands/inspect";
import { registerCheck } from "./commands/check";
import type { Io } from "./load";

// The write commands load the planners and the package writer when imported: only when one of them is asked for.
const WRITE_COMMANDS = new Set(["fill", "add-year"]);

function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const p = path.join(dir, "package.json");
    if (fs.existsSync(p)) return (JSON.parse(fs.readFileSync(p, "utf8")) as { version: string }).version;
  }
  return "?";
}

/** Entry of the `cdppe` command; returns the exit status (0 ok, 1 error findings, 2 unreadable / no annex). */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const program = new Command();
  program
    .name("cdppe")
    .description(cli.description)
    .version(`cdppe ${version()}`, "-V, --version", cli.versionOption)
    .helpOption("-h, --help", cli.helpOption)
    .helpCommand("help [commande]", cli.helpCommand)
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: (s, write) => write(cli.frenchCommanderError(s)) })
    .configureHelp({ formatHelp: frenchHelp })
    .exitOverride()
    .showHelpAfterError(cli.seeHelp);
  program.addHelpText("after", cli.helpFooter);
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  registerInspect(program, io, setExit);
  registerCheck(program, io, setExit);
  if (argv.some((a) => WRITE_COMMANDS.has(a))) {
    const { registerWrite } = await import("./commands/write");
    registerWrite(program, io, setExit);
  } else {
    // Listed in the help without loading them.
    program
      .command("fill")
      .description(writeText.fillDescription)
      .argument("<fichier>", writeText.inputArg)
      .option("-o, --output <fichier>", writeText.outputOption);
    program
      .command("add-year")
      .description(writeText.addYearDescription)
      .argument("<fichier>", writeText.inputArg)
      .option("-o, --output <fichier>", writeText.outputOption);
  }
  if (argv.length === 0) {
    io.out(program.helpInformation() + cli.helpFooter + "\n");
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    // Nothing English and no stack trace reaches the user; the detail goes to CDPPE_DEBUG when asked for.
    if (process.env.CDPPE_DEBUG) io.err(String((e as Error)?.stack ?? e) + "\n");
    io.err(cliText.unexpected + "\n");
    return 2;
  }
}

function defaultIo(): Io {
  const tty = !!process.stderr.isTTY;
  let shown = false;
  // A progress line on the terminal is wiped before anything else is written there, then drawn again below.
  const wipe = () => {
    if (shown) process.stderr.write("\r\x1b[K");
    shown = false;
  };
  return {
    out: (s: string) => {
      if (process.stdout.isTTY) wipe();
      process.stdout.write(s);
    },
    err: (s: string) => {
      wipe();
      process.stderr.write(s);
    },
    // One line rewritten in place, on a terminal only (never in a redirected log).
    progress: tty
      ? (s: string) => {
          wipe();
          if (!s) return;
          process.stderr.write(s.slice(0, Math.max(20, (process.stderr.columns || 80) - 1)));
          shown = true;
        }
      : undefined,
  };
}
