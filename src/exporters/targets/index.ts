import type { Target } from '../../model/target';
import { renderComposeBundle } from './compose';
import { renderKubernetesBundle } from './kubernetes';
import { renderServerBundle } from './server';
import type { Renderer } from './types';

/** The renderer of each target over the same plan (null: not built yet). */
export const RENDERERS: { readonly [T in Target]: Renderer | null } = {
  compose: renderComposeBundle,
  server: renderServerBundle,
  kubernetes: renderKubernetesBundle,
};
