import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serializeDesign } from '../model/serialize';
import { TARGETS, type Target } from '../model/target';
import { shareUrl } from '../model/share';
import { TEMPLATES, isTemplateId, loadTemplate } from '../model/templates';
import { formatDiagnostics } from '../validation/format';
import { diagnosticsToJson, hasErrors, validate } from '../validation/validate';
import { runExport } from './export';
import { runImport } from './import';
import { printLoadErrors, readDesignFile } from './io';

const HELP = `StackSketch command line: the same checks and bundles as the designer.

Usage:
  stacksketch validate FILE [--json] [--target T] check a design (FILE or - for stdin) for a target:
                                                  compose (default), server or kubernetes
  stacksketch export FILE --out DIR|FILE.zip [--force] [--target T]
                                                  write the ready-to-run bundle
  stacksketch import FILE... [--out DESIGN.json] [--json]
                                                  turn existing configs (Compose, nginx, gunicorn,
                                                  uWSGI, Dockerfiles; folders or a .zip) into a design
  stacksketch templates [ID]                      list the templates, or print one as a design file
  stacksketch share FILE [--base URL]             print a share link (the design travels in the fragment)
  stacksketch --help

Exit codes: 0 ok (warnings allowed), 1 the design has errors, 2 the file or the arguments are unusable.
With npm: npm run --silent cli -- validate design.json
`;

export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'validate':
        return validateCommand(rest);
      case 'export':
        return await runExport(rest);
      case 'import':
        return await runImport(rest);
      case 'templates':
        return templatesCommand(rest);
      case 'share':
        return shareCommand(rest);
      default:
        process.stderr.write(`error: unknown command "${command}"\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function validateCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      target: { type: 'string', default: 'compose' },
    },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    process.stderr.write('usage: stacksketch validate FILE [--json] [--target compose|server|kubernetes]\n');
    return 2;
  }
  if (!isTarget(values.target)) {
    process.stderr.write(`error: unknown target "${values.target}" (one of ${TARGETS.join(', ')})\n`);
    return 2;
  }
  const loaded = readDesignFile(file);
  if (!loaded.ok) {
    printLoadErrors(file, loaded);
    if (values.json)
      process.stdout.write(`${JSON.stringify({ diagnostics: [], loadErrors: loaded.errors })}\n`);
    return 2;
  }
  const diagnostics = validate(loaded.design, values.target);
  if (values.json) process.stdout.write(`${JSON.stringify(diagnosticsToJson(diagnostics), null, 2)}\n`);
  else process.stdout.write(formatDiagnostics(file, diagnostics));
  return hasErrors(diagnostics) ? 1 : 0;
}

function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

function templatesCommand(args: string[]): number {
  const id = args[0];
  if (!id) {
    for (const template of TEMPLATES) process.stdout.write(`${template.id}\t${template.title}\n`);
    return 0;
  }
  if (!isTemplateId(id)) {
    process.stderr.write(`error: no template "${id}" (one of ${TEMPLATES.map((t) => t.id).join(', ')})\n`);
    return 2;
  }
  process.stdout.write(serializeDesign(loadTemplate(id)));
  return 0;
}

function shareCommand(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    options: { base: { type: 'string', default: DEFAULT_SHARE_BASE } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write('usage: stacksketch share FILE [--base URL]\n');
    return 2;
  }
  let base: URL;
  try {
    base = new URL(values.base);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http');
  } catch {
    process.stderr.write(`error: --base must be an http or https URL, not "${values.base}"\n`);
    return 2;
  }
  const loaded = readDesignFile(file);
  if (!loaded.ok) {
    printLoadErrors(file, loaded);
    return 2;
  }
  process.stdout.write(`${shareUrl(loaded.design, base.toString())}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
