// Where each resolved value came from, for `svcpkg explain` (docs/compile.md#svcpkg-explain-package).

/** The source of a resolved value. */
export type Origin =
  /** Written in the package's YAML. */
  | 'package'
  /** Taken from the catalog (a feature's definition, its default reset settings). */
  | 'catalog'
  /** The package schema's default (or null: an optional property left out). */
  | 'schema'
  /** An id recorded in (or minted for) svcpkg.lock.json. */
  | 'lockfile';

/** The origin of a value, with an optional remark ("alias of `bbb`", "not set"). */
export interface OriginNote {
  /** Where it came from. */
  origin: Origin;
  /** A remark for people. */
  note?: string;
}

/** Origins by JSON pointer into the resolved package; a value's origin is that of its nearest recorded ancestor. */
export class Origins {
  private readonly byPointer = new Map<string, OriginNote>();

  /** `recording` false: record nothing — only `svcpkg explain` needs origins, compile does not pay for them. */
  constructor(private readonly recording = true) {}

  /** Record the origin of the value at `pointer` (and, unless overridden, of everything below it). */
  set(pointer: string, origin: Origin, note?: string): void {
    if (!this.recording) return;
    this.byPointer.set(pointer, note === undefined ? { origin } : { origin, note });
  }

  /** The origin of the value at `pointer`. */
  get(pointer: string): OriginNote | undefined {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const found = this.byPointer.get(p);
      if (found) return found;
      if (p === '') return undefined;
    }
  }
}
