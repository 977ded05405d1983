import type { ComponentRef, Sbom, SbomComponent } from './types.js';

/**
 * Finding the SBOM component a VEX statement or a hand-written component entry means: by the
 * file's own id, by package URL (without qualifiers, so `?arch=…` does not matter), else by
 * name and version.
 */

export function normalPurl(purl: string): string {
  const cut = purl.search(/[?#]/);
  let base = cut >= 0 ? purl.slice(0, cut) : purl;
  try {
    base = decodeURIComponent(base);
  } catch {
    // A malformed escape: compare the text as written.
  }
  return base.toLowerCase();
}

const key = (name: string, version?: string): string => `${name.toLowerCase()}\u0000${version ?? ''}`;

export interface ComponentIndex {
  readonly byRef: ReadonlyMap<string, SbomComponent>;
  readonly byPurl: ReadonlyMap<string, SbomComponent>;
  readonly byNameVersion: ReadonlyMap<string, SbomComponent>;
  readonly byName: ReadonlyMap<string, readonly SbomComponent[]>;
  /** Names of the product itself (the SBOM's subject and the device's name): statements about it are not about a component. */
  readonly productNames: ReadonlySet<string>;
}

export function indexComponents(sbom: Sbom | undefined, productName: string | undefined): ComponentIndex {
  const byRef = new Map<string, SbomComponent>();
  const byPurl = new Map<string, SbomComponent>();
  const byNameVersion = new Map<string, SbomComponent>();
  const byName = new Map<string, SbomComponent[]>();
  for (const c of sbom?.components ?? []) {
    byRef.set(c.ref, c);
    if (c.purl) byPurl.set(normalPurl(c.purl), c);
    byNameVersion.set(key(c.name, c.version), c);
    const list = byName.get(c.name.toLowerCase()) ?? [];
    list.push(c);
    byName.set(c.name.toLowerCase(), list);
  }
  const productNames = new Set(
    [sbom?.subject?.name, productName]
      .filter((n): n is string => n !== undefined && n !== '')
      .map((n) => n.toLowerCase()),
  );
  return { byRef, byPurl, byNameVersion, byName, productNames };
}

export type Match =
  | { readonly kind: 'component'; readonly component: SbomComponent }
  | { readonly kind: 'product' }
  | { readonly kind: 'none' };

export function findComponent(ref: ComponentRef, index: ComponentIndex): Match {
  const hit = (c: SbomComponent | undefined): Match | undefined =>
    c ? { kind: 'component', component: c } : undefined;
  const found =
    (ref.ref !== undefined ? hit(index.byRef.get(ref.ref)) : undefined) ??
    (ref.purl !== undefined ? hit(index.byPurl.get(normalPurl(ref.purl))) : undefined) ??
    (ref.name !== undefined && ref.version !== undefined
      ? hit(index.byNameVersion.get(key(ref.name, ref.version)))
      : undefined) ??
    (ref.name !== undefined && ref.version === undefined && index.byName.get(ref.name.toLowerCase())?.length === 1
      ? hit(index.byName.get(ref.name.toLowerCase())?.[0])
      : undefined);
  if (found) return found;
  if (ref.name !== undefined && index.productNames.has(ref.name.toLowerCase())) return { kind: 'product' };
  return { kind: 'none' };
}

/** How a statement names its component, for messages and tables: `name version`, else the purl or id. */
export function describeRef(ref: ComponentRef): string {
  if (ref.name !== undefined) return ref.version !== undefined ? `${ref.name} ${ref.version}` : ref.name;
  return ref.purl ?? ref.ref ?? '(unnamed component)';
}

export function describeComponent(c: SbomComponent): string {
  return c.version !== undefined ? `${c.name} ${c.version}` : c.name;
}
