import { loadKnowledge, resolveRegion, suggestRegions } from '../../src/knowledge';
import { editDistance } from '../../src/understanding/normalise';

const levenshtein = (a: string, b: string) => editDistance(a, b, Math.max(a.length, b.length));

const { regions } = loadKnowledge();
const names = (input: string) => suggestRegions(input, regions).map((r) => r.name);

describe('regions', () => {
  it.each([
    ['westeurope', ['westeurope']],
    ['West Europe', ['westeurope']],
    ['westeurop', ['westeurope']],
    ['west-us-2', ['westus2']],
    ['eastus3', ['eastus', 'eastus2', 'westus3']],
    ['swedencentrl', ['swedencentral']],
    ['mars', []],
    ['', []],
  ])('%j → %j', (input, expected) => {
    expect(names(input)).toEqual(expected);
  });

  it('resolves display names and rejects unknown regions', () => {
    expect(resolveRegion('US Gov Virginia', regions)).toEqual({
      name: 'usgovvirginia',
      displayName: 'US Gov Virginia',
      cloud: 'usgov',
    });
    expect(resolveRegion('westeurop', regions)).toBeUndefined();
  });

  it('measures edit distance', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('eastus', 'eastus')).toBe(0);
  });

  it('uses the project knowledge when no list is given', () => {
    expect(suggestRegions('northeurop').map((r) => r.name)).toEqual(['northeurope']);
  });
});
