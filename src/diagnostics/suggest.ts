import { closest, distance } from 'fastest-levenshtein';

/**
 * "Did you mean …?" for every diagnostic that names a typo (unknown fields, helpers,
 * partials, clause ids): the one place that uses an edit-distance library.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  return candidates.length > 0 ? closest(name, [...candidates]) : undefined;
}

export function editDistance(a: string, b: string): number {
  return distance(a, b);
}
