import type { Design } from '../model/design';
import type { Target } from '../model/target';
import type { Diagnostic } from '../validation/types';
import { validate } from '../validation/validate';
import { plan } from './plan';
import type { DeploymentPlan } from './planTypes';
import { RENDERERS } from './targets';
import type { Lang } from './targets/types';
import { planNoteInKorean } from '../i18n/ko/planNotes';
import { ruleMessages as koreanRuleMessages } from '../i18n/ko/rules';

export type { Lang } from './targets/types';

export interface GenerateOptions {
  target: Target;
  lang: Lang;
  /** validate(design), when the caller has it already (else generate validates). */
  diagnostics?: readonly Diagnostic[];
}

export interface Generated {
  plan: DeploymentPlan;
  /** Every file of the bundle, keyed by its path inside the bundle folder (sorted). */
  files: Record<string, string>;
}

/** The README's warnings: every diagnostic's message, then what shaping the bundle decided. */
export function readmeWarnings(diagnostics: readonly Diagnostic[], notes: readonly string[]): string[] {
  return [...diagnostics.map((diagnostic) => diagnostic.message), ...notes];
}

/** The plan of a design and every file of its bundle for a target. Pure and deterministic. */
export function generate(design: Design, options: GenerateOptions): Generated {
  const render = RENDERERS[options.target];
  if (!render) throw new Error(`target ${options.target} is not available yet`);
  const deployment = plan(design);
  const korean = options.lang === 'ko';
  const diagnostics =
    options.diagnostics ?? validate(design, options.target, korean ? koreanRuleMessages : undefined);
  const notes = korean ? deployment.notes.map(planNoteInKorean) : deployment.notes;
  const warnings = readmeWarnings(diagnostics, notes);
  return { plan: deployment, files: render({ design, plan: deployment, warnings, lang: options.lang }) };
}

/**
 * generate() for live views (the preview while a value is being typed): never throws. When a value is
 * refused, the only file is a README saying which one, so nothing unchecked is ever shown as config.
 */
export function generatePreview(design: Design, options: GenerateOptions): Record<string, string> {
  try {
    return generate(design, options).files;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      'README.md': `# The bundle cannot be generated yet\n\n${message.replace(/[\r\n]/g, ' ')}\n\nFix the value (the problems panel names it) and the files appear again.\n`,
    };
  }
}

/** The options of today's default bundle: Docker Compose, in English. */
export const COMPOSE_EN: GenerateOptions = { target: 'compose', lang: 'en' };
