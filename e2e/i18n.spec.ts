import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { AUTOSAVE_KEY, chooseTemplate, openEditor } from './helpers';
import { TEMPLATE_IDS } from '../src/model/templates';

declare global {
  interface Window {
    __stacksketchCrashForTest?: boolean | string;
  }
}

// The browser asks for Korean: the designer must start in Korean without being told.
test.use({ locale: 'ko-KR' });

const HANGUL = /[\uac00-\ud7a3]/;
const canvas = (page: Page) => page.getByTestId('canvas');
const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function drop(page: Page, kind: string, x: number, y: number) {
  const before = await page.locator(`.react-flow__node-${kind}`).count();
  await page.getByTestId(`palette-${kind}`).dragTo(canvas(page), { targetPosition: { x, y } });
  await expect(page.locator(`.react-flow__node-${kind}`)).toHaveCount(before + 1);
}

async function link(from: Locator, to: Locator) {
  await from.locator('.react-flow__handle.source').dragTo(to.locator('.react-flow__handle.target'));
}

async function startEmpty(page: Page) {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('new-design').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await page.locator('.react-flow__controls-zoomout').click();
}

test('a Korean browser gets the designer, the problems, the quick fix and the bundle in Korean', async ({
  page,
}) => {
  await startEmpty(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByTestId('language')).toHaveValue('ko');
  await expect(page.getByTestId('new-design')).toHaveText('새로 만들기');

  // The seed-000 stack, first without its WSGI server: Flask would face nginx on its dev server.
  await drop(page, 'client', 70, 120);
  await drop(page, 'nginx', 260, 120);
  await drop(page, 'flask', 560, 120);
  await drop(page, 'sqlite', 560, 330);
  await link(node(page, 'client'), node(page, 'nginx'));
  await link(node(page, 'nginx'), node(page, 'flask'));
  await link(node(page, 'flask'), node(page, 'sqlite'));

  const problem = page.locator('[data-testid="problems"] [data-rule="flask-dev-server"]');
  await expect(problem).toHaveCount(1);
  await expect(problem.locator('.problem-message')).toContainText('Werkzeug 개발 서버로 실행됩니다');
  await expect(problem.getByTestId('quick-fix')).toHaveText(/WSGI 서버\(Gunicorn\)로 실행하기/);
  await problem.getByTestId('quick-fix').click();
  await expect(page.locator('[data-testid="problems"] [data-rule="flask-dev-server"]')).toHaveCount(0);
  await expect(page.locator('.react-flow__node-gunicorn')).toHaveCount(1);
  await expect(page.locator('[data-testid="problems"] [data-severity="error"]')).toHaveCount(0);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('download-zip').click(),
  ]);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const readme = Object.values(zip.files).find((file) => file.name.endsWith('/README.md'))!;
  const text = await readme.async('string');
  expect(text).toContain('## 어디서 무엇이 실행되나');
  expect(text).toContain('## 실행 방법');

  // Back to English: every text switches, the design, the selection and the undo history stay.
  await node(page, 'gunicorn').click();
  const nodes = await page
    .locator('.react-flow__node')
    .evaluateAll((all) => all.map((element) => element.getAttribute('data-id')).sort());
  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('new-design')).toHaveText('New');
  await expect(page.getByTestId('problems')).not.toContainText(HANGUL);
  expect(
    await page
      .locator('.react-flow__node')
      .evaluateAll((all) => all.map((element) => element.getAttribute('data-id')).sort()),
  ).toEqual(nodes);
  await expect(node(page, 'gunicorn')).toHaveClass(/selected/);
  await expect(page.getByTestId('undo')).toBeEnabled();

  // The choice is remembered over the browser's language.
  await page.reload();
  await expect(page.getByTestId('language')).toHaveValue('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

/** Words allowed in the Korean UI: kind and product names, code, config keys, file names, keys on the keyboard. */
const ALLOWED = new Set(
  `StackSketch Client Nginx nginx Gunicorn gunicorn uWSGI uwsgi Flask Django WAS collectstatic SQLite React build Browser Docker Compose
  WSGI HTTP HTTPS TCP CPU SVG PNG JSON Mermaid zip systemd Kubernetes Ctrl Shift Delete Backspace Escape stacksketch json web app
  English API module callable project application runserver socket http proxy_pass uwsgi_pass Werkzeug Slowloris Vite Node CSS HTML JS
  npm run root try_files listen port workers threads transport tcp unix auto processes route env SECRET_KEY
  iframe Confluence Notion GitHub GitLab Markdown subgraph mmd Enter docker-compose server_name localhost gzip
  client_max_body_size Let Encrypt certbot
  api browser proxy wsgi db Dockerfile import include uwsgi_params http-socket WAL busy timeout named volume build-essential`
    .split(/\s+/)
    .filter(Boolean),
);

/** A region's visible words, without what is shown as code (rule ids, node ids, file names, config keys). */
function proseOf(region: Locator): Promise<string> {
  return region.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    // An exception's own text (a crash's details) is shown as it was thrown, like code.
    copy.querySelectorAll('code, kbd, pre, textarea, input').forEach((code) => code.replaceWith(' '));
    copy.querySelectorAll('*').forEach((inner) => inner.append(' '));
    return copy.textContent ?? '';
  });
}

/** The identifiers an edge's caption shows in every language: protocols and nginx directives. */
const CAPTION_IDENTIFIERS = new Set(['HTTP', 'HTTPS', 'WSGI', 'uwsgi', 'proxy_pass', 'uwsgi_pass']);

/** The English words of an edge's caption: anything but its identifiers and its route ("/api/"). */
function captionEnglishWords(caption: string): string[] {
  return caption
    .split(/\s+/)
    .filter((word) => word !== '' && !word.startsWith('/') && !CAPTION_IDENTIFIERS.has(word))
    .filter((word) => /[A-Za-z]/.test(word));
}

function englishWords(text: string): string[] {
  // File names (docker-compose.yml, .stacksketch.json) stay as they are.
  const withoutFileNames = text.replace(/[\w-]*(\.[A-Za-z]+)+/g, ' ');
  return (withoutFileNames.match(/[A-Za-z][A-Za-z_-]{2,}/g) ?? [])
    .map((word) => word.replace(/[-_]+$/, ''))
    .filter((word) => !ALLOWED.has(word));
}

test('the Korean walk: toolbar, palette, problems, dialogs and menus say nothing in English', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('template-flask-dev-server').click();
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('[data-testid="problems"] [data-rule]').first()).toBeVisible();
  await page.locator('.problem-why summary').first().click();

  const regions: [string, Locator][] = [
    ['toolbar', page.locator('.toolbar')],
    ['palette', page.locator('.palette')],
    ['problems', page.getByTestId('problems')],
  ];
  for (const [name, region] of regions) {
    const text = await proseOf(region);
    expect(englishWords(text), `${name}: ${text}`).toEqual([]);
  }
  for (const title of await page
    .locator('.toolbar [title], .palette [title]')
    .evaluateAll((all) => all.map((element) => element.getAttribute('title') ?? '')))
    expect(englishWords(title), title).toEqual([]);

  await page.getByTestId('help').click();
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible();
  expect(englishWords(await proseOf(help))).toEqual([]);
  await page.keyboard.press('Escape');

  // The outline, the keyboard's connect dialog and the names screen readers hear.
  const outline = page.getByTestId('outline');
  await expect(outline.locator('[data-outline-node]').first()).toBeVisible();
  expect(englishWords(await proseOf(outline)), 'outline').toEqual([]);
  await node(page, 'proxy').focus();
  await page.keyboard.press('c');
  const connectDialog = page.getByTestId('connect-dialog');
  await expect(connectDialog).toBeVisible();
  expect(englishWords(await proseOf(connectDialog)), 'connect dialog').toEqual([]);
  await page.keyboard.press('Escape');
  const names = await page
    .locator('.react-flow__handle, .react-flow__controls button')
    .evaluateAll((all) =>
      all.flatMap((element) =>
        ['aria-label', 'aria-roledescription'].map((name) => element.getAttribute(name) ?? ''),
      ),
    );
  for (const name of names) expect(englishWords(name), name).toEqual([]);
  // A node's name: its kind and id in words, then its key setting as the card shows it (code).
  for (const card of await page.locator('.react-flow__node').all()) {
    const name = (await card.getAttribute('aria-label')) ?? '';
    const [words] = name.split(': ');
    expect(englishWords(words!), name).toEqual([]);
    const summary = (await card.locator('.node-summary').getAttribute('title')) ?? '';
    if (summary) expect(name.endsWith(summary), `${name} / ${summary}`).toBe(true);
    await expect(card).toHaveAttribute('aria-roledescription', '노드');
  }
  // An edge's name says what its caption on the canvas says; the caption has no English word but
  // its identifiers (protocols, nginx directives) and its route.
  const edges = await page.locator('.react-flow__edge').all();
  expect(edges.length).toBeGreaterThan(0);
  for (const edge of edges) {
    const caption = (await edge.locator('.react-flow__edge-text').textContent()) ?? '';
    expect(captionEnglishWords(caption), caption).toEqual([]);
    const name = (await edge.getAttribute('aria-label')) ?? '';
    expect(name, caption).toMatch(/^\S+ → \S+: /);
    expect(name.endsWith(`: ${caption}`), `${name} / ${caption}`).toBe(true);
    await expect(edge).toHaveAttribute('aria-roledescription', '연결');
  }
  const keyboardHelp = await page
    .locator('[id^="react-flow__node-desc"], [id^="react-flow__edge-desc"]')
    .allTextContents();
  expect(keyboardHelp.length).toBe(2);
  for (const help of keyboardHelp) expect(englishWords(help), help).toEqual([]);

  await page.getByTestId('export-menu').click();
  const menu = page.locator('.share-export__items');
  await expect(menu).toBeVisible();
  expect(englishWords(await proseOf(menu))).toEqual([]);
  await page.keyboard.press('Escape');

  for (const [button, dialog] of [
    ['share', 'share-dialog'],
    ['embed', 'embed-dialog'],
  ]) {
    await page.getByTestId(button!).click();
    const shown = page.getByTestId(dialog!);
    await expect(shown).toBeVisible();
    expect(englishWords(await proseOf(shown)), dialog).toEqual([]);
    await page.getByTestId('share-close').click();
  }
  await node(page, 'proxy').click();
  const inspector = page.getByTestId('inspector');
  expect(englishWords(await proseOf(inspector)), 'inspector').toEqual([]);
  const preview = page.locator('.preview-editor-bar');
  expect(englishWords(await proseOf(preview)), 'preview').toEqual([]);

  // Each allowed edge: the inspector's heading says what it does in Korean, after the edge's caption
  // (drawn as on the canvas: "파일" for an app opening its database, identifiers as they are).
  for (const [id, meaning] of [
    ['e1', 'HTTP 요청'],
    ['e2', 'proxy_pass로 Flask 개발 서버에 전달'],
    ['e3', '데이터베이스 파일 열기'],
  ]) {
    const edge = page.locator(`.react-flow__edge[data-id="${id}"]`);
    const caption = (await edge.locator('.react-flow__edge-text').textContent()) ?? '';
    expect(captionEnglishWords(caption), `edge ${id}: ${caption}`).toEqual([]);
    if (id === 'e3') expect(caption).toBe('파일');
    await edge.focus();
    await page.keyboard.press('Enter');
    const head = inspector.locator(`[data-edge-id="${id}"] .inspector-head`);
    await expect(head.locator('.inspector-role')).toContainText(`${caption} · ${meaning}`);
    const prose = await proseOf(head);
    expect(englishWords(prose.replace(`${caption} · `, ' ')), `edge ${id}: ${prose}`).toEqual([]);
  }
});

test("every template's edge captions say no English word but protocols, directives and routes", async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const seen = new Set<string>();
  for (const id of TEMPLATE_IDS) {
    await chooseTemplate(page, id);
    await expect(page.locator('.react-flow__edge-text').first()).toBeVisible();
    const captions = await page.locator('.react-flow__edge-text').allTextContents();
    for (const caption of captions) {
      expect(captionEnglishWords(caption), `${id}: ${caption}`).toEqual([]);
      seen.add(caption.split(' /')[0]!);
    }
  }
  // The React build nginx serves and the file an app opens are worded; the test saw both.
  expect(seen).toContain('정적 파일');
  expect(seen).toContain('파일');
  expect(captionEnglishWords('static /')).toEqual(['static']);
});

/** A Gunicorn that opens SQLite itself: the matrix forbids the edge e4 (only an app opens the file). */
const FORBIDDEN_EDGE = JSON.stringify({
  format: 'stacksketch/v2',
  name: 'forbidden',
  nodes: [
    { id: 'browser', kind: 'client' },
    { id: 'proxy', kind: 'nginx', container: 'web' },
    { id: 'wsgi', kind: 'gunicorn', container: 'app' },
    { id: 'api', kind: 'flask', container: 'app' },
    { id: 'db', kind: 'sqlite', container: 'app' },
  ],
  edges: [
    { id: 'e1', source: 'browser', target: 'proxy' },
    { id: 'e2', source: 'proxy', target: 'wsgi' },
    { id: 'e3', source: 'wsgi', target: 'api' },
    { id: 'e4', source: 'wsgi', target: 'db' },
  ],
});

test('a refused connection says why in Korean: the problem, the inspector and the connect dialog (the drag: connect-drag.spec.ts)', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('import-file').setInputFiles({
    name: 'forbidden.stacksketch.json',
    mimeType: 'application/json',
    buffer: Buffer.from(FORBIDDEN_EDGE),
  });
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await expect(node(page, 'db')).toBeVisible();

  // The loaded design's forbidden edge: the rule's message gives the reason in Korean too.
  const problem = page.locator('[data-testid="problems"] [data-rule="invalid-connection"]');
  await expect(problem.locator('.problem-message')).toContainText(
    'SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다',
  );
  expect(englishWords(await proseOf(problem)), 'problem').toEqual([]);

  // The inspector of that edge.
  await page.locator('.react-flow__edge[data-id="e4"]').focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByTestId('inspector');
  await expect(inspector.locator('[data-edge-id="e4"]')).toBeVisible();
  await expect(inspector.locator('.inspector-role')).toContainText(
    'SQLite 파일은 Flask 앱 또는 Django 앱만 엽니다',
  );
  expect(englishWords(await proseOf(inspector.locator('.inspector-head'))), 'inspector').toEqual([]);

  // An allowed edge beside it, chosen in the outline: what it does, in Korean.
  await page.getByTestId('outline').locator('[data-outline-edge="e2"]').click();
  const allowedHead = inspector.locator('[data-edge-id="e2"] .inspector-head');
  await expect(allowedHead.locator('.inspector-role')).toContainText('proxy_pass로 Gunicorn에 전달');
  expect(englishWords(await proseOf(allowedHead)), 'allowed edge').toEqual([]);

  // The keyboard's way: the connect dialog counts the refused nodes in Korean.
  await node(page, 'proxy').focus();
  await page.keyboard.press('c');
  const connectDialog = page.getByTestId('connect-dialog');
  await expect(connectDialog).toContainText('연결 규칙이 허용하지 않거나 이미 연결되어 있습니다');
  expect(englishWords(await proseOf(connectDialog)), 'connect dialog').toEqual([]);
  await page.keyboard.press('Escape');
});

test('the rarer screens say nothing in English: a broken link, the handles, a search, a crashed panel', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();

  // A damaged share link: the reason it gives is Korean too, not only the sentence around it.
  await page.evaluate(() => {
    window.location.hash = `#s1.${'A'.repeat(40)}!!`;
  });
  const refused = page.getByRole('alert').filter({ hasText: '공유 링크를 열 수 없습니다' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('링크가 손상되었습니다');
  expect(englishWords(await proseOf(refused)), 'share link').toEqual([]);

  const handles = await page
    .locator('.react-flow__handle')
    .evaluateAll((all) => all.map((element) => element.getAttribute('title') ?? ''));
  expect(handles.length).toBeGreaterThan(0);
  for (const title of handles) expect(englishWords(title), title).toEqual([]);

  await page.locator('.palette-search').fill('없는 구성');
  await expect(page.locator('.palette')).toContainText('맞는 구성 요소가 없습니다');
  expect(englishWords(await proseOf(page.locator('.palette'))), 'palette').toEqual([]);
  await page.locator('.palette-search').fill('');

  await page.evaluate(() => {
    window.__stacksketchCrashForTest = 'inspector';
  });
  // a node in the middle of the design: at a readable zoom the ends may lie outside the view
  await page.locator('.react-flow__node-nginx').first().click();
  const crash = page.getByTestId('crash-inspector');
  await expect(crash).toBeVisible();
  await expect(crash).toContainText('속성 패널이 멈췄습니다');
  expect(englishWords(await proseOf(crash)), 'crash').toEqual([]);
});

test('the two-tab banner and its question say nothing in English', async ({ context }) => {
  const first = await openEditor(context);
  await first.evaluate(() => localStorage.clear());
  const second = await openEditor(context);
  await chooseTemplate(first, 'uwsgi-unix-socket');
  await expect
    .poll(() => first.evaluate((key) => localStorage.getItem(key) ?? '', AUTOSAVE_KEY))
    .toContain('flask-uwsgi-socket');
  await chooseTemplate(second, 'gunicorn-flask-sqlite');

  const banner = second.getByTestId('tab-conflict');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('다른 탭에서도 열려 있습니다');
  expect(englishWords(await proseOf(banner)), 'banner').toEqual([]);
  await second.getByTestId('keep-mine').click();
  const question = second.getByRole('dialog');
  await expect(question).toContainText('덮어쓸까요?');
  expect(englishWords(await proseOf(question)), 'question').toEqual([]);
});

test.describe('switching an English designer to Korean', () => {
  test.use({ locale: 'en-US' });

  test('the inspector, the field errors, the dialogs, the problems and the zip follow at once', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('design-name').fill('우리 가게');
    await page.getByTestId('language').selectOption('ko');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

    // The unsaved name makes loading a template ask first, in Korean.
    await page.getByTestId('template-gunicorn-flask-sqlite').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('지금 디자인을 바꿀까요?');
    await expect(page.getByTestId('cancel')).toHaveText('취소');
    await page.getByTestId('confirm').click();
    await expect(node(page, 'proxy')).toBeVisible();

    // The inspector: its title, the kind's role, each prop's label and help, the field's error.
    await node(page, 'proxy').click();
    const inspector = page.getByTestId('inspector');
    await expect(inspector.locator('.panel-title')).toHaveText('속성');
    await expect(inspector).toContainText('listen 포트');
    await expect(inspector).toContainText('리버스 프록시');
    await page.getByTestId('prop-listen').fill('70000');
    await expect(inspector.locator('.field-error')).toContainText('포트가 아닙니다');
    const problem = page.locator('[data-testid="problems"] [data-rule="invalid-port"]');
    await expect(problem.locator('.problem-message')).toContainText('1에서 65535 사이의 정수를 쓰세요');
    await page.getByTestId('prop-listen').fill('80');
    await expect(problem).toHaveCount(0);

    await page.getByTestId('help').click();
    await expect(page.getByTestId('help-dialog')).toContainText('단축키');
    await page.keyboard.press('Escape');
    await page.getByTestId('design-name').fill('우리 가게');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-zip').click(),
    ]);
    expect(download.suggestedFilename()).toBe('우리-가게.zip');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    const readme = Object.values(zip.files).find((file) => file.name.endsWith('/README.md'))!;
    const text = await readme.async('string');
    expect(text).toContain('## 어디서 무엇이 실행되나');
    expect(text).toContain('워커');
  });
});

test('Hangul labels fit their boxes in the exported SVG, and the PNG holds the whole picture', async ({
  page,
}) => {
  // A five-tier template fits whole at a readable zoom (card text 11 px on screen) in a wide window only.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('template-gunicorn-flask-sqlite').click();
  const confirm = page.getByTestId('confirm');
  if (await confirm.isVisible()) await confirm.click();
  await node(page, 'browser').click();
  await page.getByTestId('prop-label').fill('사용자 브라우저와 모바일 앱을 쓰는 우리 가게 손님들');
  await page.getByTestId('design-name').fill('우리 가게 주문 관리 서비스');

  const download = async (format: 'svg' | 'png') => {
    await page.getByTestId('export-menu').click();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId(`export-${format}`).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`우리-가게-주문-관리-서비스.${format}`);
    return readFileSync((await file.path())!);
  };
  const svg = (await download('svg')).toString('utf8');
  expect(svg).toContain('사용자 브라우저');

  // Drawn by the browser with the machine's Korean font: every card's text inside its card.
  const view = await page.context().newPage();
  await view.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await view.evaluate(() => document.fonts.ready);
  const overflows = await view.locator('svg g.node').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const box = (card.querySelector('rect') as SVGRectElement).getBBox();
      return [...card.querySelectorAll('text')]
        .map((text) => ({ text: text.textContent ?? '', bounds: (text as SVGTextElement).getBBox() }))
        .filter(({ bounds }) => bounds.x < box.x || bounds.x + bounds.width > box.x + box.width)
        .map(({ text, bounds }) => `${text}: ${bounds.x}+${bounds.width} outside ${box.x}+${box.width}`);
    }),
  );
  expect(overflows).toEqual([]);
  const hangulWidth = await view
    .locator('svg g.node text', { hasText: '사용자' })
    .evaluate((text) => (text as SVGTextElement).getComputedTextLength());
  expect(hangulWidth).toBeGreaterThan(60);
  const size = await view.locator('svg').evaluate((element) => ({
    width: Number(element.getAttribute('width')),
    height: Number(element.getAttribute('height')),
  }));
  await view.close();

  // The PNG is the SVG drawn at twice its size: nothing of the picture is cut off.
  const png = await download('png');
  expect(png.readUInt32BE(16)).toBe(Math.round(size.width * 2));
  expect(png.readUInt32BE(20)).toBe(Math.round(size.height * 2));
});
