import type { Design } from '../../src/model/design';
import type { DeploymentPlan } from '../../src/exporters/planTypes';
import { startBundle, startDesign, type Stack } from '../../scripts/lib/stack';

/** The generated stack running natively, as `npm run smoke` runs it (scripts/lib/stack.ts). */
export interface NativeStack {
  /** Base URL of the published entry (nginx), as a client on the Docker host calls it. */
  wrkBase: string;
  /** Prefix that runs a command on the host side of the stack's network (where the entry is published). */
  wrkWrap: string[];
  describe: string;
  stop(): Promise<void>;
}

function wrap(stack: Stack, log: (m: string) => void): NativeStack {
  if (stack.startupProblems.length > 0)
    log(`stack started with problems: ${stack.startupProblems.join('; ')}`);
  return {
    wrkBase: stack.entryUrl.replace(/\/$/, ''),
    wrkWrap: stack.hostSideCommand([]),
    describe: `nginx + Gunicorn at ${stack.entryUrl}`,
    stop: async () => {
      await stack.stop();
    },
  };
}

/** Export the design and start it with the smoke runner's own start function. */
export async function startNativeStack(design: Design, log: (m: string) => void): Promise<NativeStack> {
  return wrap(await startDesign(design, { progress: log }), log);
}

/** Start an already written (possibly re-tuned) bundle folder. */
export async function startNativeBundle(
  bundleDir: string,
  plan: DeploymentPlan,
  log: (m: string) => void,
): Promise<NativeStack> {
  return wrap(await startBundle(bundleDir, plan, { progress: log }), log);
}
