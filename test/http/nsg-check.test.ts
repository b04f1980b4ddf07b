// A pasted NSG through the real HTTP server, as Teams posts it: the verdict card reaches the
// channel service, and a paste larger than a request may be is refused before it is read.
import { readFileSync } from 'node:fs';
import { projectPath } from '../../src/paths';
import { MAX_BODY_BYTES } from '../../src/server/request-body';
import { cardsIn, cardText } from '../support/card-validation';
import { message, post } from '../support/activities';
import { startFakeChannel, type FakeChannel } from '../support/fake-channel';
import { startTestApp, type TestApp } from '../support/app';

const nsg = readFileSync(projectPath('test', 'nsg-check', '__fixtures__', 'nsg-show.json'), 'utf8');

let app: TestApp;
let channel: FakeChannel;
beforeAll(async () => {
  channel = await startFakeChannel();
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
  await channel.close();
});

it('"compute westeurope {nsg}" gets a verdict per flow and the fix', async () => {
  const res = await post(
    app.url,
    message(`compute westeurope ${nsg}`, { serviceUrl: channel.url }),
  );
  expect(res.status).toBe(200);
  const [reply] = await channel.waitFor(1);
  const text = cardText(cardsIn([reply!.activity])[0]);
  expect(text).toContain('NSG check: ml-compute-nsg');
  expect(text).toContain('Blocked: Outbound to MicrosoftContainerRegistry, TCP 443');
});

it('a paste larger than a request may be is refused with 413', async () => {
  const huge = `compute [${'{"name": "r"},'.repeat(MAX_BODY_BYTES / 10)}{}]`;
  const res = await post(app.url, message(huge, { serviceUrl: channel.url }));
  expect(res.status).toBe(413);
});
