import type { Design } from '../../model/design';
import type { DeploymentPlan } from '../planTypes';

/** The languages a bundle is written in. */
export type { Lang } from '../../i18n';
import type { Lang } from '../../i18n';

/** What every target's renderer reads: the design, its plan, and the README's warnings. */
export interface RenderInput {
  design: Design;
  plan: DeploymentPlan;
  /** The diagnostics' messages and the plan's notes, one line each. */
  warnings: readonly string[];
  lang: Lang;
}

/** A file inside the bundle: its path and text. */
export type FileEntry = [path: string, text: string];

/** Turns a plan into the bundle's files, keyed by path (sorted). */
export type Renderer = (input: RenderInput) => Record<string, string>;
