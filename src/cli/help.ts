import type { Command, Help } from "commander";
import { helpText } from "../messages/cli";

// Commander's help headings are English; ours are French, the layout is commander's own.
export function frenchHelp(cmd: Command, helper: Help): string {
  const width = helper.padWidth(cmd, helper);
  const item = (term: string, description: string) => (description ? `  ${term.padEnd(width + 2)}${description}` : `  ${term}`);
  const out: string[] = [helpText.usage(helper.commandUsage(cmd)), ""];
  const desc = helper.commandDescription(cmd);
  if (desc) out.push(desc, "");
  const args = helper.visibleArguments(cmd).map((a) => item(helper.argumentTerm(a), helper.argumentDescription(a)));
  if (args.length) out.push(helpText.arguments, ...args, "");
  // Commander appends `(default: "text")` in English.
  const opts = helper.visibleOptions(cmd).map((o) =>
    item(
      helper.optionTerm(o),
      helper.optionDescription(o).replace(/\(default: "?([^")]*)"?\)/, (_m, value: string) => helpText.defaultValue(value)),
    ),
  );
  if (opts.length) out.push(helpText.options, ...opts, "");
  const cmds = helper.visibleCommands(cmd).map((c) => item(helper.subcommandTerm(c), helper.subcommandDescription(c)));
  if (cmds.length) out.push(helpText.commands, ...cmds, "");
  return out.join("\n");
}
