import { useAppStore } from './index';

type Engine = typeof import('../validation/engine');

/**
 * The rules load as a chunk of their own, requested as soon as the editor starts: until they arrive
 * the design counts as "being checked" (no problems shown, downloads wait), never as "no problems".
 */
let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;

/** Use an engine already at hand (the preview's chunk imports it statically). */
export function provideValidation(loaded: Engine): void {
  if (engine) return;
  engine = loaded;
  useAppStore.setState({ validationReady: true });
}

export function loadValidation(): Promise<Engine> {
  loading ??= import('../validation/engine').then((loaded) => {
    provideValidation(loaded);
    return loaded;
  });
  return loading;
}

export function validationEngine(): Engine | null {
  return engine;
}
