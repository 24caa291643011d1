/** Placeholder until the exporters land: the real-tool checks of generated bundles. */
console.log('bundle checks: exporters not yet implemented');
