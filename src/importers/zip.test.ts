import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importConfigs } from './resolve';
import { MAX_CONFIG_BYTES, type ReportEntry } from './types';
import { readProjectZip } from './zip';

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, text] of Object.entries(files)) zip.file(path, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('a project folder as a zip', () => {
  it('keeps the paths inside, so build contexts and mounts find their files', async () => {
    const report: ReportEntry[] = [];
    const bytes = await zipOf({
      'shop/docker-compose.yml':
        'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n    volumes: [./nginx/site.conf:/etc/nginx/conf.d/default.conf]\n  api:\n    build: ./api\n',
      'shop/nginx/site.conf': 'server { listen 80; location / { proxy_pass http://api:8000; } }',
      'shop/api/Dockerfile': 'FROM python:3.12\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "main:app"]\n',
      'shop/api/main.py': 'from flask import Flask\napp = Flask(__name__)\n',
      'shop/node_modules/x/index.js': 'ignored',
      'shop/logo.png': 'ignored',
    });
    const files = await readProjectZip('shop.zip', bytes, report);
    expect(files.map((file) => file.path).sort()).toEqual([
      'shop/api/Dockerfile',
      'shop/api/main.py',
      'shop/docker-compose.yml',
      'shop/nginx/site.conf',
    ]);
    const result = importConfigs(files);
    expect(result.design!.edges.map((edge) => `${edge.source}>${edge.target}`).sort()).toEqual([
      'api-gunicorn>api-flask',
      'client>web-nginx',
      'web-nginx>api-gunicorn',
    ]);
  });

  it('refuses files over the limit before inflating them', async () => {
    const report: ReportEntry[] = [];
    const zip = new JSZip();
    zip.file('big.conf', 'x'.repeat(MAX_CONFIG_BYTES + 1));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(100_000);
    const files = await readProjectZip('bomb.zip', bytes, report);
    expect(files).toEqual([]);
    expect(report.map((entry) => entry.message).join('\n')).toMatch(/limited to 5 MB/);
  });

  it('a file that is not a zip is reported', async () => {
    const report: ReportEntry[] = [];
    expect(await readProjectZip('broken.zip', new TextEncoder().encode('not a zip'), report)).toEqual([]);
    expect(report[0]!.message).toMatch(/^error: not a readable zip/);
  });
});
