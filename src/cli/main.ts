import { Command, CommanderError } from "commander";
import { cli } from "../messages/cli";
import { frenchHelp } from "./help";
import { registerInspect } from "./commands/inspect";
import { registerCheck } from "./commands/check";
import { registerWrite } from "./commands/write";

/** Entry of the `cdppe` command; returns the exit status (0 ok, 1 error findings, 2 unreadable / no annex). */
export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = defaultIo): Promise<number> {
  const program = new Command();
  program
    .name("cdppe")
    .description(cli.description)
    .helpOption("-h, --help", cli.helpOption)
    .helpCommand("help [commande]", cli.helpCommand)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
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
  registerWrite(program, io, setExit);
  if (argv.length === 0) {
    io.out(program.helpInformation() + cli.helpFooter + "\n");
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    throw e;
  }
}

const defaultIo = {
  out: (s: string) => process.stdout.write(s),
  err: (s: string) => process.stderr.write(s),
};
