// Which stored yes or no fits a question's words: the claim's words must all be there, and a word
// that turns the question round ("without", "block", "doesn't") must be one the claim names.
import { loadKnowledge, type YesNoClaim } from '../../src/knowledge';
import { claimFor, mentions, parseClaimEntry } from '../../src/understanding/yes-no';
import { tokens } from '../../src/understanding/normalise';

const delegated: YesNoClaim = {
  when: ['delegat*'],
  answer: 'no',
  because: 'the compute subnet must not be delegated to another service.',
};
const blockMcr: YesNoClaim = {
  when: ['block*|deny*', 'microsoftcontainerregistry|mcr'],
  answer: 'no',
  because: 'curated images still come from it.',
};
const otherRegion: YesNoClaim = {
  when: ['compute instance*|ci', 'another region|different region|other region'],
  answer: 'no',
  because: 'a compute instance stays in the workspace region.',
};
const claims = [blockMcr, otherRegion, delegated];

describe('a stored yes or no', () => {
  it.each([
    ['Is it OK if the compute subnet is delegated to Microsoft.Web/serverFarms?', delegated],
    ['can the subnet have a delegation?', delegated],
    ['We only use our own images, can we block MCR outbound?', blockMcr],
    ['Can a compute instance sit in a VNet in a different region?', otherRegion],
    ['can CIs live in another region from the workspace', otherRegion],
  ])('"%s" gets its claim', (question, claim) => {
    expect(claimFor(claims, tokens(question))).toBe(claim);
  });

  it.each([
    ['a question with none of the words', 'Does the compute subnet need a NAT gateway?'],
    ['only some of the words', 'Can a compute instance use a private endpoint?'],
    ['words out of order', 'is a region another compute instance option?'],
    ['a turning word the claim does not name', "Isn't it fine if the subnet is delegated?"],
    ['"without"', 'can a compute instance run in another region without peering?'],
    ['a removal the claim does not name', 'Can I remove the delegation from the subnet?'],
    ['a removal in another form', 'the delegation was removed, can the subnet hold compute now?'],
  ])('%s gets none: %s', (_, question) => {
    expect(claimFor(claims, tokens(question))).toBeUndefined();
  });

  it('matches a stem, so a plural meets its singular', () => {
    const claim: YesNoClaim = { when: ['private endpoint'], answer: 'yes', because: 'so.' };
    expect(claimFor([claim], tokens('do both need private endpoints?'))).toBe(claim);
  });

  it('reads a written name as the words it is typed in', () => {
    expect(parseClaimEntry('v1_legacy_mode|legacy mode')).toEqual([
      [
        { text: 'v1', prefix: false },
        { text: 'legacy', prefix: false },
        { text: 'mode', prefix: false },
      ],
      [
        { text: 'legacy', prefix: false },
        { text: 'mode', prefix: false },
      ],
    ]);
  });
});

describe('whether a question names what a step is about (its namedBy words)', () => {
  it.each([
    ['prompt flow*|promptflow*|pf', 'our prompt flows cannot reach storage', true],
    ['prompt flow*|promptflow*|pf', 'promptflow runtime fails', true],
    ['prompt flow*|promptflow*|pf', 'the flow of traffic from the prompt', false],
    ['databricks|dbx|adb', 'Databricks in the same vnet?', true],
    ['databricks|dbx|adb', 'the online endpoint cannot reach storage', false],
  ])('%s in "%s": %s', (entry, question, named) => {
    expect(mentions(entry, tokens(question))).toBe(named);
  });

  // A way of asking that does not say the step's subject would be ranked down by its own words.
  const named = loadKnowledge().steps.filter((s) => s.namedBy !== undefined);
  it.each(named.map((s) => [s.id, s] as const))('every way of asking %s names it', (_, s) => {
    expect(named.length).toBeGreaterThanOrEqual(9);
    expect((s.ask ?? []).filter((a) => !mentions(s.namedBy!, tokens(a)))).toEqual([]);
  });
});
