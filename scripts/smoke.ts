/** Placeholder until the exporters land: the real run of a generated bundle. */
console.error('smoke: exporters not yet implemented');
process.exitCode = 2;
