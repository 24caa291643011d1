import { designFileName } from '../../app/loadFlow';
import { toMermaid } from '../../exporters/mermaid';
import { designToSvg } from '../../exporters/svg';
import type { Lang } from '../../i18n/lang';
import type { Design } from '../../model/design';
import { MAX_FILE_BYTES } from '../../model/design';
import { PNG_DESIGN_KEYWORD } from '../../model/importFile';
import { writePngText } from '../../model/pngText';
import { serializeDesign } from '../../model/serialize';
import { shareUrl } from '../../model/shareLink';
import { escapeXml } from '../../model/svgMetadata';
import { saveBlob } from '../preview/download';

/** The file name every export of a design starts with: the same safe name the editor's Save uses. */
export function exportBaseName(design: Design): string {
  return designFileName(design.name).replace(/\.stacksketch\.json$/, '');
}

/** The editor's address without query or fragment: what share links are made from. */
export function editorBase(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

export function editorShareUrl(design: Design): string {
  return shareUrl(design, editorBase());
}

export function embedUrl(design: Design): string {
  const link = new URL(editorShareUrl(design));
  return new URL(`embed.html${link.hash}`, link).toString();
}

export function iframeSnippet(design: Design): string {
  const title = escapeXml(`${design.name} – StackSketch diagram`);
  return `<iframe src="${escapeXml(embedUrl(design))}" width="100%" height="480" style="border:0" loading="lazy" title="${title}"></iframe>`;
}

/** For wikis without iframes (GitHub, GitLab): the exported SVG as the image, linking to the editor. */
export function markdownSnippet(design: Design): string {
  const alt = design.name.replace(/[\\[\]()`*_<>!\r\n\u2028\u2029]/g, ' ').trim() || 'StackSketch diagram';
  return `[![${alt}](${exportBaseName(design)}.svg)](${editorShareUrl(design)})`;
}

/** The exports below word their edge captions in `lang`, the UI's language. */
export function downloadSvg(design: Design, lang: Lang = 'en'): void {
  saveBlob(new Blob([designToSvg(design, lang)], { type: 'image/svg+xml' }), `${exportBaseName(design)}.svg`);
}

export function downloadJson(design: Design): void {
  saveBlob(new Blob([serializeDesign(design)], { type: 'application/json' }), designFileName(design.name));
}

export function downloadMermaid(design: Design, lang: Lang = 'en'): void {
  saveBlob(new Blob([toMermaid(design, lang)], { type: 'text/plain' }), `${exportBaseName(design)}.mmd`);
}

/** Browsers refuse canvases past about 16k pixels a side. */
const MAX_CANVAS_SIDE = 16384;

/** Why a PNG could not be made; the UI words it in its language (see `share.pngReasons`). */
export type PngFailure = 'cannot-draw' | 'cannot-encode' | 'too-large';

export class PngExportError extends Error {
  constructor(
    readonly reason: PngFailure,
    message: string,
  ) {
    super(message);
  }
}

async function renderPng(svg: string, scale: number): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const side = Math.max(image.naturalWidth, image.naturalHeight, 1);
    const factor = Math.min(scale, MAX_CANVAS_SIDE / side);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * factor));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new PngExportError('cannot-draw', 'this browser cannot draw the image');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new PngExportError('cannot-encode', 'the browser could not encode the PNG');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The diagram as a PNG at 2× (1× if 2× would pass 5 MB) with the design in its `stacksketch` text
 * chunk. Throws with a message when even 1× is too large.
 */
export async function pngWithDesign(design: Design, lang: Lang = 'en'): Promise<Uint8Array> {
  const svg = designToSvg(design, lang);
  const text = serializeDesign(design);
  for (const scale of [2, 1]) {
    const png = writePngText(await renderPng(svg, scale), PNG_DESIGN_KEYWORD, text);
    if (png.length <= MAX_FILE_BYTES) return png;
  }
  throw new PngExportError(
    'too-large',
    'the PNG would be larger than 5 MB, which StackSketch could not open again; export SVG instead',
  );
}

export async function downloadPng(design: Design, lang: Lang = 'en'): Promise<void> {
  const png = await pngWithDesign(design, lang);
  saveBlob(new Blob([png as BlobPart], { type: 'image/png' }), `${exportBaseName(design)}.png`);
}
