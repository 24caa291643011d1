import { describe, expect, it } from 'vitest';
import { generate } from '../../exporters/generate';
import { setNodeProps } from '../../model/edit';
import { loadTemplate } from '../../model/templates';

function settingsOf(nginx: Record<string, string | number | boolean>): string {
  const design = setNodeProps(loadTemplate('django-gunicorn-nginx'), 'proxy', nginx);
  const { files } = generate(design, { target: 'compose', lang: 'en' });
  const [, text] = Object.entries(files).find(([path]) => path.endsWith('/settings.py'))!;
  return String(text);
}

describe('django behind nginx', () => {
  it('plain HTTP: no secure cookies, http:// origins', () => {
    const settings = settingsOf({});
    expect(settings).not.toContain('COOKIE_SECURE');
    expect(settings).toContain('"http://localhost"');
  });

  it('HTTPS at nginx: secure cookies, https:// origins on the HTTPS port, redirect and HSTS left to nginx', () => {
    const settings = settingsOf({ tls: 'self-signed' });
    expect(settings).toContain('SESSION_COOKIE_SECURE = True');
    expect(settings).toContain('CSRF_COOKIE_SECURE = True');
    expect(settings).toContain('"https://localhost"');
    expect(settings).not.toContain('"http://localhost"');
    expect(settings).toContain('SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008"]');
    const ownPort = settingsOf({ tls: 'self-signed', httpsPort: 8443, redirectHttp: false, hsts: false });
    expect(ownPort).toContain('"https://localhost:8443"');
    expect(ownPort).not.toContain('SILENCED_SYSTEM_CHECKS');
  });
});
