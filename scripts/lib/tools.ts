import { existsSync } from 'node:fs';
import { runSync } from './proc';

/** The real tools the checks use, with the package that provides each (scripts/setup-system.sh installs them). */
const TOOLS: Record<string, { test: () => boolean; package: string }> = {
  ip: { test: () => onPath('ip'), package: 'iproute2' },
  nsenter: { test: () => onPath('nsenter'), package: 'util-linux' },
  unshare: { test: () => onPath('unshare'), package: 'util-linux' },
  setpriv: { test: () => onPath('setpriv'), package: 'util-linux' },
  curl: { test: () => onPath('curl'), package: 'curl' },
  nginx: { test: () => existsSync('/usr/sbin/nginx'), package: 'nginx' },
  gunicorn: { test: () => onPath('gunicorn'), package: 'gunicorn' },
  uwsgi: {
    test: () => onPath('uwsgi') && existsSync('/usr/lib/uwsgi/plugins/python3_plugin.so'),
    package: 'uwsgi uwsgi-plugin-python3',
  },
  python3: {
    test: () => runSync(['/usr/bin/python3', '-c', 'import flask']).status === 0,
    package: 'python3-flask',
  },
  pytest: {
    test: () => runSync(['/usr/bin/python3', '-c', 'import pytest']).status === 0,
    package: 'python3-pytest',
  },
  flake8: { test: () => existsSync('/usr/bin/flake8'), package: 'flake8' },
  black: { test: () => existsSync('/usr/bin/black'), package: 'black' },
  'docker-compose': { test: () => onPath('docker-compose'), package: 'docker-compose' },
  debootstrap: { test: () => existsSync('/usr/sbin/debootstrap'), package: 'debootstrap' },
  'systemd-nspawn': { test: () => onPath('systemd-nspawn'), package: 'systemd-container' },
  'systemd-analyze': { test: () => onPath('systemd-analyze'), package: 'systemd' },
  shellcheck: { test: () => onPath('shellcheck'), package: 'shellcheck' },
  testssl: { test: () => onPath('testssl'), package: 'testssl.sh' },
};

function onPath(program: string): boolean {
  return runSync(['sh', '-c', `command -v ${program}`]).status === 0;
}

const checked = new Set<string>();

/** Fail with a clear message when a tool is missing or the process is not root (namespaces need it). */
export function requireTools(names: (keyof typeof TOOLS)[]): void {
  if (process.getuid?.() !== 0)
    throw new Error('the real run needs root (network and mount namespaces); run it as root, as CI does');
  const missing: string[] = [];
  for (const name of names) {
    if (checked.has(name)) continue;
    const tool = TOOLS[name];
    if (!tool) continue;
    if (tool.test()) checked.add(name);
    else missing.push(`${name} (apt package ${tool.package})`);
  }
  if (missing.length > 0)
    throw new Error(
      `missing tools: ${missing.join(', ')}; run npm run setup:system (scripts/setup-system.sh)`,
    );
}
