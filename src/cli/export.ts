/** `export FILE --out DIR|FILE.zip [--force]` (placeholder until the exporters land). */
export async function runExport(_args: string[]): Promise<number> {
  process.stderr.write('error: export is not available yet\n');
  return 2;
}
