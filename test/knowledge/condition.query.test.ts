import {
  describeCondition,
  evaluateCondition,
  Situation,
  type Condition,
} from '../../src/knowledge';
import {
  describeOpposite,
  undecidedPart,
  underStated,
  type StatedOptions,
} from '../../src/knowledge/condition.query';

const situation = Situation.parse({
  scenarios: ['compute'],
  computePublicIp: true,
  egress: 'azure-firewall',
});

describe('conditions in words', () => {
  it.each<[Condition, string]>([
    [{ always: true }, ''],
    [{ option: 'computePublicIp', equals: true }, 'Only when compute has a public IP'],
    [{ option: 'computePublicIp', equals: false }, 'Only when compute has no public IP'],
    [
      { option: 'hbi', equals: true },
      'Only when the workspace was created with hbi_workspace enabled',
    ],
    [{ option: 'sdk', equals: 'v1' }, 'Only when you use the v1 SDK/CLI'],
    [
      { when: 'you run RStudio on a compute instance' },
      'Only when you run RStudio on a compute instance',
    ],
    [
      { not: { option: 'egress', equals: 'firewall-no-tags' } },
      'Except when outbound traffic goes through a firewall without service tags (FQDN rules)',
    ],
    [
      {
        all: [
          { option: 'computePublicIp', equals: true },
          {
            any: [
              { option: 'egress', equals: 'azure-firewall' },
              { option: 'egress', equals: 'firewall-no-tags' },
            ],
          },
        ],
      },
      'Only when compute has a public IP and outbound traffic goes through Azure Firewall or a firewall without service tags (FQDN rules)',
    ],
    [
      { all: [{ option: 'hbi', equals: true }, { not: { option: 'egress', equals: 'nsg' } }] },
      'Only when the workspace was created with hbi_workspace enabled, except when outbound traffic goes through network security groups only',
    ],
    [
      {
        any: [
          { option: 'vscode', equals: true },
          {
            all: [
              { option: 'hbi', equals: true },
              { option: 'ownImages', equals: true },
            ],
          },
        ],
      },
      'Only when you connect to a compute instance from VS Code or (the workspace was created with hbi_workspace enabled and you bring your own Docker images)',
    ],
  ])('%j → %s', (cond, text) => {
    expect(describeCondition(cond)).toBe(text);
  });
});

describe('the opposite of a condition in words, for "can I remove it?"', () => {
  it.each<[Condition, string | undefined]>([
    [{ option: 'computePublicIp', equals: true }, 'compute has no public IP'],
    [
      { option: 'egress', equals: 'nsg' },
      'outbound traffic does not go through network security groups only',
    ],
    [{ not: { option: 'rstudio', equals: true } }, 'you run RStudio on a compute instance'],
    [
      {
        all: [
          { not: { option: 'egress', equals: 'firewall-no-tags' } },
          { when: 'Azure Monitor is not private', whenNot: 'Azure Monitor is private' },
        ],
      },
      'outbound traffic goes through a firewall without service tags (FQDN rules) or Azure Monitor is private',
    ],
    [
      {
        any: [
          { option: 'vscode', equals: true },
          { option: 'rstudio', equals: true },
        ],
      },
      'you do not use VS Code and you do not run RStudio',
    ],
    // A situation without words for its opposite has none, and neither has "always".
    [{ when: 'anything we cannot know' }, undefined],
    [{ always: true }, undefined],
  ])('%j → %s', (cond, text) => {
    expect(describeOpposite(cond)).toBe(text);
  });
});

describe('conditions against a situation', () => {
  it.each<[Condition, boolean]>([
    [{ always: true }, true],
    [{ when: 'anything we cannot know' }, true],
    [{ option: 'computePublicIp', equals: true }, true],
    [{ option: 'egress', equals: 'nsg' }, false],
    [{ not: { option: 'egress', equals: 'nsg' } }, true],
    [
      {
        all: [
          { option: 'computePublicIp', equals: true },
          { option: 'hbi', equals: true },
        ],
      },
      false,
    ],
    [
      {
        any: [
          { option: 'vscode', equals: true },
          { option: 'sdk', equals: 'v2' },
        ],
      },
      true,
    ],
  ])('%j → %s', (cond, expected) => {
    expect(evaluateCondition(cond, situation)).toBe(expected);
  });

  it('fills defaults and normalises the region of a situation', () => {
    expect(Situation.parse({ scenarios: ['studio'], region: ' West Europe ' })).toEqual({
      scenarios: ['studio'],
      region: 'westeurope',
      computePublicIp: false,
      egress: 'nsg',
      registryBehindVnet: false,
      ownImages: false,
      vscode: false,
      rstudio: false,
      publicPackageFeeds: false,
      hbi: false,
      sdk: 'v2',
    });
    expect(Situation.safeParse({ scenarios: [] }).success).toBe(false);
  });
});

describe('what is left of a condition once the user stated part of their setup', () => {
  const noPublicIp: Condition = { option: 'computePublicIp', equals: false };
  const nsgOnly: Condition = { option: 'egress', equals: 'nsg' };
  const both: Condition = { all: [noPublicIp, nsgOnly] };
  it.each<[string, Condition, StatedOptions, Condition]>([
    ['the stated part is left out', both, { computePublicIp: false }, nsgOnly],
    ['nothing stated keeps all of it', both, {}, both],
    [
      'a contradiction keeps all of it, to say when it applies',
      both,
      { computePublicIp: true },
      both,
    ],
    ['a single option stays as it is', noPublicIp, { computePublicIp: false }, noPublicIp],
  ])('%s', (_, cond, stated, left) => {
    expect(undecidedPart(cond, stated)).toEqual(left);
  });
});

describe('a firewall the user names, against a rule for one kind of firewall', () => {
  const azureFirewall: Condition = { option: 'egress', equals: 'azure-firewall' };
  const noTags: Condition = { option: 'egress', equals: 'firewall-no-tags' };
  const eitherFirewall: Condition = { any: [azureFirewall, noTags] };
  it.each<[string, Condition, StatedOptions, boolean | 'unknown']>([
    ['"a firewall" may be either kind', noTags, { egress: 'azure-firewall' }, 'unknown'],
    [
      '"a firewall" meets a rule for either kind',
      eitherFirewall,
      { egress: 'azure-firewall' },
      true,
    ],
    [
      '"without service tags" meets the host-name rule',
      noTags,
      { egress: 'firewall-no-tags' },
      true,
    ],
    [
      '"without service tags" rules out the tag rule',
      { not: noTags },
      { egress: 'firewall-no-tags' },
      false,
    ],
    ['NSGs only meet no firewall rule', eitherFirewall, { egress: 'nsg' }, false],
  ])('%s', (_, cond, stated, truth) => {
    expect(underStated(cond, stated)).toBe(truth);
  });
});
