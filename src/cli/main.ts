import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serializeDesign } from '../model/serialize';
import { TARGETS, type Target } from '../model/target';
import { shareUrl } from '../model/shareLink';
import { TEMPLATES, isTemplateId, loadTemplate } from '../model/templates';
import { formatDiagnostics } from '../validation/format';
import { diagnosticsToJson, hasErrors, validate } from '../validation/validate';
import { runExport } from './export';
import { runImport } from './import';
import { printLoadErrors, readDesignFile } from './io';
import { takeLangOption, type CliLanguage } from './language';

export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

export async function main(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const option = takeLangOption(argv, env);
  const { cli } = option.language;
  if (!option.ok) {
    process.stderr.write(`${cli.unknownLang({ lang: option.lang })}\n`);
    return 2;
  }
  const language = option.language;
  const [command, ...rest] = option.args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(cli.help);
    return command ? 0 : 2;
  }
  try {
    switch (command) {
      case 'validate':
        return validateCommand(rest, language);
      case 'export':
        return await runExport(rest, language);
      case 'import':
        return await runImport(rest, language);
      case 'templates':
        return templatesCommand(rest, language);
      case 'share':
        return shareCommand(rest, language);
      default:
        process.stderr.write(`${cli.unknownCommand({ command })}\n\n${cli.help}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${cli.argumentError({ detail: error.message })}\n`);
      return 2;
    }
    throw error;
  }
}

function validateCommand(args: string[], language: CliLanguage): number {
  const { cli, rules } = language;
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
    process.stderr.write(`${cli.validateUsage}\n`);
    return 2;
  }
  if (!isTarget(values.target)) {
    process.stderr.write(`${cli.unknownTarget({ target: values.target, targets: TARGETS.join(', ') })}\n`);
    return 2;
  }
  const loaded = readDesignFile(file);
  if (!loaded.ok) {
    printLoadErrors(file, loaded, language);
    if (values.json)
      process.stdout.write(`${JSON.stringify({ diagnostics: [], loadErrors: loaded.errors })}\n`);
    return 2;
  }
  const diagnostics = validate(loaded.design, values.target, rules);
  if (values.json) process.stdout.write(`${JSON.stringify(diagnosticsToJson(diagnostics), null, 2)}\n`);
  else process.stdout.write(formatDiagnostics(file, diagnostics, cli.report));
  return hasErrors(diagnostics) ? 1 : 0;
}

function isTarget(value: string): value is Target {
  return (TARGETS as readonly string[]).includes(value);
}

function templatesCommand(args: string[], { cli, templateTitle }: CliLanguage): number {
  const id = args[0];
  if (!id) {
    for (const { id } of TEMPLATES) process.stdout.write(`${id}\t${templateTitle(id)}\n`);
    return 0;
  }
  if (!isTemplateId(id)) {
    process.stderr.write(`${cli.noTemplate({ id, ids: TEMPLATES.map((t) => t.id).join(', ') })}\n`);
    return 2;
  }
  process.stdout.write(serializeDesign(loadTemplate(id)));
  return 0;
}

function shareCommand(args: string[], language: CliLanguage): number {
  const { cli } = language;
  const { values, positionals } = parseArgs({
    args,
    options: { base: { type: 'string', default: DEFAULT_SHARE_BASE } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write(`${cli.shareUsage}\n`);
    return 2;
  }
  let base: URL;
  try {
    base = new URL(values.base);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error('not http');
  } catch {
    process.stderr.write(`${cli.badBase({ base: values.base })}\n`);
    return 2;
  }
  const loaded = readDesignFile(file);
  if (!loaded.ok) {
    printLoadErrors(file, loaded, language);
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
