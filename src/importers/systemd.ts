/** systemd service units of a bare server: the ExecStart command, its Environment and WorkingDirectory. */
import { splitShellWords } from './commands';
import { checkSize, type ReportEntry, type SourceFile } from './types';

export interface SystemdService {
  file: string;
  execStart: string[] | null;
  line: number;
  env: Record<string, string>;
  workingDirectory: string | null;
}

export function readSystemdUnit(file: SourceFile, report: ReportEntry[]): SystemdService {
  checkSize(file);
  const service: SystemdService = {
    file: file.path,
    execStart: null,
    line: 0,
    env: {},
    workingDirectory: null,
  };
  let section = '';
  const lines = file.text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let text = lines[index]!.trim();
    while (text.endsWith('\\') && index + 1 < lines.length)
      text = `${text.slice(0, -1)} ${lines[++index]!.trim()}`;
    if (!text || text.startsWith('#') || text.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(text);
    if (header) {
      section = header[1]!;
      continue;
    }
    const eq = text.indexOf('=');
    if (eq <= 0 || section !== 'Service') continue;
    const key = text.slice(0, eq).trim();
    const value = text.slice(eq + 1).trim();
    if (key === 'ExecStart') {
      service.execStart = splitShellWords(value.replace(/^[-@:+!]+/, ''));
      service.line = line;
    } else if (key === 'Environment')
      for (const word of splitShellWords(value)) {
        const at = word.indexOf('=');
        if (at > 0) service.env[word.slice(0, at)] = word.slice(at + 1);
      }
    else if (key === 'WorkingDirectory') service.workingDirectory = value.replace(/^-/, '');
    else if (!['User', 'Group', 'Restart', 'RestartSec', 'Type', 'KillMode', 'TimeoutStopSec'].includes(key))
      report.push({ file: file.path, line, message: `systemd: ${key} is not modelled (left out)` });
  }
  return service;
}
