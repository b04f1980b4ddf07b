// Validates the region a user types and suggests close names for typos ("westeurop" → westeurope).
import { getKnowledge } from './knowledge.loader';
import { editDistance } from '../understanding/normalise';
import type { Region } from './knowledge.schema';

/** Lower case without spaces, dashes or underscores, so "West Europe" matches westeurope. */
export function normalizeRegion(input: string): string {
  return input.toLowerCase().replace(/[\s_-]+/g, '');
}

export function resolveRegion(
  input: string,
  regions: readonly Region[] = getKnowledge().regions,
): Region | undefined {
  const wanted = normalizeRegion(input);
  return regions.find((r) => r.name === wanted || normalizeRegion(r.displayName) === wanted);
}

/**
 * Up to `limit` regions closest to the input, best first. An exact name gives just that region;
 * otherwise only names within a few edits count, so "xyz" suggests nothing rather than noise.
 */
export function suggestRegions(
  input: string,
  regions: readonly Region[] = getKnowledge().regions,
  limit = 3,
): Region[] {
  const exact = resolveRegion(input, regions);
  if (exact) return [exact];
  const wanted = normalizeRegion(input);
  if (wanted === '') return [];
  const maxDistance = Math.max(2, Math.floor(wanted.length / 4));
  return regions
    .map((region) => ({
      region,
      distance: editDistance(wanted, region.name, Math.max(wanted.length, region.name.length)),
    }))
    .filter((c) => c.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.region.name.localeCompare(b.region.name))
    .slice(0, limit)
    .map((c) => c.region);
}
