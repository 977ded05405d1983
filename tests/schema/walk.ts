/** Test helper: every property of a schema at every depth, with its path in catalogue spelling. */
export type Node = Record<string, unknown>;

export interface Visited {
  readonly path: string;
  readonly node: Node;
}

export function allProperties(schema: Node, prefix = ''): Visited[] {
  const out: Visited[] = [];
  const props = (schema['properties'] as Record<string, Node> | undefined) ?? {};
  for (const [key, child] of Object.entries(props)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    out.push({ path, node: child });
    out.push(...allProperties(child, path));
    const items = child['items'] as Node | undefined;
    if (items !== undefined) {
      out.push({ path: `${path}[]`, node: items });
      out.push(...allProperties(items, `${path}[]`));
    }
  }
  return out;
}

/** Every schema node that declares `type: object`, root included. */
export function allObjects(schema: Node): Visited[] {
  const nodes: Visited[] = [{ path: '', node: schema }, ...allProperties(schema)];
  return nodes.filter((v) => v.node['type'] === 'object');
}
