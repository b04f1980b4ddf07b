// Commands and NSG check cards as Teams shows them, at a chat bubble's 500 px and on a 360 px
// phone: the code blocks wrap inside the card, nothing is cut off, and the first line shows early.
import { commandsCards } from '../../src/cards/commands.card';
import { nsgCheckCards } from '../../src/cards/nsg-check.card';
import { exportPlan, type ExportFormat } from '../../src/export/export.formats';
import { getKnowledge, planFor, Situation } from '../../src/knowledge';
import { checkNsg } from '../../src/nsg-check/nsg.check';
import { describeInBrowser, rendererFor } from '../support/card-render';

const k = getKnowledge();
const situation = Situation.parse({
  scenarios: ['compute', 'studio'],
  region: 'westeurope',
  computePublicIp: true,
});
const plan = planFor(k, situation);

const formats: [ExportFormat, string][] = [
  ['az-nsg', 'az network nsg rule create'],
  ['az-firewall', 'az network firewall'],
  ['bicep', 'securityRules: ['],
  ['terraform', 'resource "azurerm_network_security_rule"'],
  ['csv', 'name,priority,direction'],
];

describeInBrowser.each([500, 360])('commands cards at %i px', (width) => {
  const renderer = rendererFor(width);

  it.each(formats)('%s: the code shows, wraps and is not cut off', async (format, key) => {
    const [card] = commandsCards(exportPlan(plan, format), {
      source: { kind: 'plan', situation },
      start: '100',
    });
    const r = await renderer().render(card!, { key, shot: `commands-${format}-${width}` });
    expect(r.keyTop).toBeDefined();
    expect(r.clipped).toEqual([]);
  });

  it('an NSG check: every verdict shows, nothing is cut off', async () => {
    const report = checkNsg(plan, { name: 'ml-compute-nsg', rules: [] });
    const [card] = nsgCheckCards(report);
    const r = await renderer().render(card!, { key: 'Blocked', shot: `nsg-check-${width}` });
    expect(r.keyTop).toBeDefined();
    expect(r.clipped).toEqual([]);
  });
});
