/**
 * Debian's Chromium as the browser tests and the benchmarks launch it (Playwright cannot download its
 * own browser here). The flags keep it from reaching for the network at start: see TOOLCHAIN.md.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
