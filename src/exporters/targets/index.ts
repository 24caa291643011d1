import type { Target } from '../../model/target';
import { renderComposeBundle } from './compose';
import type { Renderer } from './types';

/** The renderer of each target over the same plan (null: not built yet). */
export const RENDERERS: { readonly [T in Target]: Renderer | null } = {
  compose: renderComposeBundle,
  server: null,
  kubernetes: null,
};
