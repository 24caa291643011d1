import type { Design } from '../../src/model/design';

/** The generated stack running natively, as `npm run smoke` runs it. */
export interface NativeStack {
  /** Base URL of the entry (nginx), as seen from inside `wrkWrap`. */
  wrkBase: string;
  /** Prefix that runs a command where the entry URL is reachable (e.g. nsenter into the stack's netns). */
  wrkWrap: string[];
  describe: string;
  stop(): Promise<void>;
}

/** Start the exported bundle in `bundleDir` with the smoke runner's own start function (scripts/lib). */
export async function startNativeStack(
  bundleDir: string,
  design: Design,
  log: (m: string) => void,
): Promise<NativeStack> {
  void bundleDir;
  void design;
  void log;
  throw new Error(
    'scripts/lib does not expose a function that starts a bundle yet (npm run smoke is a placeholder)',
  );
}
