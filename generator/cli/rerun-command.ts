/** The command that regenerates, as the user typed `check`: same binary, same flags. */
const check = "check";

export function regenerateCommand(command: string, argv: readonly string[]): string {
  const i = argv.indexOf(check);
  const args = i === -1 ? argv : [...argv.slice(0, i), ...argv.slice(i + 1)];
  return ["npx", command, ...args].map(shellQuote).join(" ");
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
