/** Unique names: a taken name gets -2, -3, ... */
export class Names {
  private used: Set<string>;
  constructor(initial: Iterable<string> = []) {
    this.used = new Set(initial);
  }
  take(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.used.has(name); n++) name = `${wanted}-${n}`;
    this.used.add(name);
    return name;
  }
}
