// The local chat page in Debian's Chromium against the real bot: the welcome card on opening, the
// wizard for compute + studio by clicking and choosing on its cards, the plan with its inbound
// section expanded, a free-text question's verdict, copying a command, a reload that keeps the
// conversation, and starting the wizard over. Screenshots go to test-results/webchat/.
import type { Locator } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/app';
import { describeInBrowser } from '../support/card-render';
import { ChatPage } from '../support/chat-page';

/** How the person answers each wizard question, found by the question's words. */
const ANSWERS: [question: RegExp, answer: (chat: ChatPage, card: Locator) => Promise<void>][] = [
  [
    /What do you use the secured workspace for/,
    (chat, card) =>
      chat.choose(card, [
        'Use a compute instance or a compute cluster',
        'Access the workspace from Azure Machine Learning studio',
      ]),
  ],
  [
    /Which Azure region/,
    async (chat, card) => {
      // Markdown shows a placeholder in angle brackets as text, as Teams does.
      expect(await chat.visibleText(card)).toContain('Storage.<region>');
      await chat.fill(card, 'westeurope');
    },
  ],
  [/How is outbound traffic/, (chat, card) => chat.choose(card, ['Network security groups only'])],
  [
    /Which of these apply to your setup/,
    (chat, card) => chat.choose(card, ['Compute instances and clusters have a public IP address']),
  ],
  [/SDK and CLI/, (chat, card) => chat.choose(card, ['v2 (azure-ai-ml, az ml)'])],
];

const WIZARD = /Network plan wizard/;
const PLAN = /Your network plan/;

/** Answers wizard steps until the plan arrives; each click replaces the step's card in place. */
async function completeWizard(chat: ChatPage): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < ANSWERS.length + 1; i += 1) {
    const card = await chat.waitForCard(new RegExp(`${WIZARD.source}|${PLAN.source}`));
    const text = await chat.visibleText(card);
    if (PLAN.test(text)) return asked;
    const step = ANSWERS.find(([question]) => question.test(text));
    if (!step) throw new Error(`no answer for this wizard step: ${text.slice(0, 200)}`);
    asked.push(step[0].source);
    if (asked.length === 2) await chat.shot('2-wizard-step');
    await step[1](chat, card);
    await chat.waitUntilGone(WIZARD, step[0]);
  }
  throw new Error(`the wizard did not end after ${asked.length} steps`);
}

describeInBrowser('the local chat page', () => {
  let app: TestApp;
  let chat: ChatPage;

  beforeAll(async () => {
    app = await startTestApp();
    chat = await ChatPage.open(`${app.url}/`);
  }, 60_000);
  afterAll(async () => {
    await chat?.close();
    await app?.close();
  });

  it('greets with the welcome card when opened', async () => {
    const welcome = await chat.waitForCard('Start the wizard');
    expect(await welcome.getByRole('button', { name: 'Start the wizard' }).isVisible()).toBe(true);
    await chat.shot('1-welcome');
  });

  it('runs the wizard for compute + studio to a plan whose inbound section shows 44224', async () => {
    await chat.click(chat.card('Start the wizard'), 'Start the wizard');
    const asked = await completeWizard(chat);
    expect(asked[0]).toBe(ANSWERS[0]![0].source);
    expect(asked).toContain(ANSWERS[3]![0].source);

    // A long plan comes in several cards; the first one opens with the summary.
    await chat.waitForCard(PLAN);
    const plan = chat.cards(PLAN);
    expect(await chat.visibleText(plan.first())).toMatch(/\d+ inbound|Inbound rules/i);
    expect((await plan.allTextContents()).join(' ')).toContain('westeurope');

    const inbound = plan.filter({ hasText: /Inbound/ }).first();
    const port = await chat.reveal(inbound, /44224/, /inbound/i);
    await port.scrollIntoViewIfNeeded();
    expect(await port.isVisible()).toBe(true);
    await chat.shot('3-plan-inbound');
  }, 120_000);

  it('answers a typed yes/no question with its verdict first', async () => {
    const answer = await chat.say('do we need to allow BatchNodeManagement outbound?');
    const verdict = await answer.locator('.ac-textBlock').nth(1).innerText();
    expect(verdict).toMatch(/^Yes/);
    // Its sources sit behind a toggle that opens in place.
    const closed = await chat.visibleText(answer);
    await chat.click(answer, /^(▸ )?Sources \(/);
    expect((await chat.visibleText(answer)).length).toBeGreaterThan(closed.length);
    await chat.shot('4-question');
  });

  it('lets a person copy the command of a fix', async () => {
    const answer = await chat.say('ImageBuildComputeNotValid');
    const fix = answer.locator('.ac-textBlock', { hasText: '--image-build-compute' }).first();
    expect(await chat.copy(fix)).toContain('--image-build-compute');
  });

  it('keeps the conversation over a reload and carries on', async () => {
    // The message bubble itself: Web Chat's screen-reader live region holds a passing copy too.
    const asked = chat.page.locator('.webchat__render-markdown', {
      hasText: 'do we need to allow BatchNodeManagement outbound?',
    });
    const before = { cards: await chat.cardCount(), asked: await asked.count() };
    await chat.reload();
    await chat.page
      .locator('.ac-adaptiveCard')
      .nth(before.cards - 1)
      .waitFor();
    expect({ cards: await chat.cardCount(), asked: await asked.count() }).toEqual(before);
    await chat.waitForCard(PLAN);

    const answer = await chat.say('what is port 44224 for');
    expect(await chat.visibleText(answer)).toContain('44224');
    await chat.shot('5-after-reload');
  });

  it('starts the wizard over from the plan and from a step, then cancels it', async () => {
    await chat.click(chat.card(PLAN), 'Start over');
    const first = await chat.waitForCard(/What do you use the secured workspace for/);
    await chat.choose(first, ['Use a compute instance or a compute cluster']);
    const region = await chat.waitForCard(/Which Azure region/);
    await chat.click(region, 'Start over');
    await chat.waitUntilGone(/Which Azure region/);
    const again = await chat.waitForCard(/What do you use the secured workspace for/);
    await chat.shot('6-restarted');
    await chat.click(again, 'Cancel');
    await chat.page
      .getByText(/Wizard cancelled/)
      .first()
      .waitFor();
  });

  it('wrote no errors to the browser console', async () => {
    expect(await chat.consoleErrors()).toEqual([]);
  });
});
