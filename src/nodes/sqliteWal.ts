/**
 * The Python lines an app kind's generated code uses to switch a SQLite connection to WAL. Switching
 * needs the file to itself, and SQLite refuses at once ("database is locked") instead of waiting for
 * busy_timeout, so workers that start together retry, only on that error, for up to 5 s.
 */
export interface WalSwitch {
  /** Indent of the loop's first line. */
  indent: string;
  /** What runs a statement: `connection.execute`, `cursor.execute`. */
  execute: string;
  /** The exception class the driver raises, as the module imports it. */
  error: string;
  /** How the loop ends once switched: `return` in a function of its own, `break` inside a longer one. */
  done: 'return' | 'break';
}

export function walSwitchLines({ indent, execute, error, done }: WalSwitch): string[] {
  return [
    'for attempt in range(50):',
    '    try:',
    `        ${execute}("PRAGMA journal_mode = WAL")`,
    `        ${done}`,
    `    except ${error} as error:`,
    '        if "locked" not in str(error) or attempt == 49:',
    '            raise',
    '        time.sleep(0.1)',
  ].map((line) => indent + line);
}
