// Plays a person on the local chat page in Debian's Chromium: types into Web Chat's send box, clicks
// card buttons, ticks and picks inputs, expands toggled sections and saves screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { projectPath } from '../../src/paths';
import { launchChromium } from './card-render';

export const CHAT_SHOTS_DIR = projectPath('test-results', 'webchat');

const CARD = '.ac-adaptiveCard';
const WAIT_MS = 20_000;

const UNKNOWN_ACTION = 'Web Chat: received unknown action from Adaptive Cards';

/** Buttons every wizard step may have besides the one that submits it ("..." opens the others). */
const NAVIGATION = /^(Back|Start over|Cancel|\.\.\.)$/;

export class ChatPage {
  /** What the page wrote to the console as errors: a working page writes none. */
  private readonly errors: string[] = [];
  private logged = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      // Web Chat logs the actions it leaves to the renderer as errors, the action as a second line.
      const actionType = m
        .args()[0]
        ?.evaluate((a) => (a as { getJsonTypeName?: () => string }).getJsonTypeName?.());
      this.logged = this.logged.then(async () => {
        const type = await actionType?.catch(() => undefined);
        if (type === 'Action.ToggleVisibility' && this.errors.at(-1) === UNKNOWN_ACTION) {
          this.errors.pop();
        } else this.errors.push(type ? `Web Chat did not handle ${type}` : m.text());
      });
    });
    page.on('pageerror', (e) => this.errors.push(`pageerror: ${e.message}`));
  }

  static async open(url: string): Promise<ChatPage> {
    const browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(url).origin,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const chat = new ChatPage(browser, context, page);
    await page.goto(url);
    await chat.connected();
    return chat;
  }

  sendBox(): Locator {
    return this.page.locator('[data-id="webchat-sendbox-input"]');
  }

  /** Every card showing `text`, oldest first (cards replaced by Action.Execute keep their place). */
  cards(text: string | RegExp): Locator {
    return this.page.locator(CARD, { hasText: text });
  }

  /** The newest card showing `text`. */
  card(text: string | RegExp): Locator {
    return this.cards(text).last();
  }

  async waitForCard(text: string | RegExp): Promise<Locator> {
    const card = this.card(text);
    await card.waitFor({ timeout: WAIT_MS });
    return card;
  }

  /** Waits until no card shows all of `texts` any more (a step card replaced by the next one). */
  async waitUntilGone(...texts: (string | RegExp)[]): Promise<void> {
    const cards = texts.reduce(
      (found, text) => found.filter({ hasText: text }),
      this.page.locator(CARD),
    );
    const deadline = Date.now() + WAIT_MS;
    while ((await cards.count()) > 0) {
      if (Date.now() > deadline) throw new Error(`a card still shows ${texts.join(' and ')}`);
      await this.page.waitForTimeout(100);
    }
  }

  async cardCount(): Promise<number> {
    return this.page.locator(CARD).count();
  }

  /** Types a message and waits until the bot has answered with at least one more card. */
  async say(text: string): Promise<Locator> {
    const before = await this.cardCount();
    await this.sendBox().fill(text);
    await this.sendBox().press('Enter');
    await this.page.locator(CARD).nth(before).waitFor({ timeout: WAIT_MS });
    return this.page.locator(CARD).last();
  }

  /** Texts on the page that a person can see (toggled-off parts are not). */
  async visibleText(scope: Locator): Promise<string> {
    return (await scope.innerText()).replace(/\s+/g, ' ');
  }

  /** Clicks a card button, opening the card's "..." menu first for a secondary action. */
  async click(card: Locator, title: string | RegExp): Promise<void> {
    const button = card.getByRole('button', { name: title });
    if ((await button.count()) > 0) return button.first().click();
    await card.getByRole('button', { name: 'More options' }).first().click();
    await this.page.getByRole('menuitem', { name: title }).first().click();
  }

  /**
   * Answers a wizard step the way the card asks: a button with that title, or a choice among
   * radio buttons, check boxes or a drop-down followed by the step's submit button.
   */
  async choose(card: Locator, options: string[]): Promise<void> {
    const first = options[0] ?? '';
    const direct = card.getByRole('button', { name: first, exact: true });
    if (options.length === 1 && (await direct.count()) > 0) return direct.first().click();
    const select = card.locator('select');
    for (const option of options) {
      // The Adaptive Cards renderer labels each choice with its title.
      const toggle = card.locator(
        `input[type="checkbox"][aria-label=${JSON.stringify(option)}], input[type="radio"][aria-label=${JSON.stringify(option)}]`,
      );
      if ((await toggle.count()) > 0) await toggle.first().check();
      else await select.first().selectOption({ label: option });
    }
    await this.submit(card);
  }

  async fill(card: Locator, value: string): Promise<void> {
    await card.getByRole('textbox').first().fill(value);
    await this.submit(card);
  }

  private async submit(card: Locator): Promise<void> {
    const buttons = card.getByRole('button');
    for (let i = 0; i < (await buttons.count()); i += 1) {
      const title = (await buttons.nth(i).innerText()).trim();
      if (!NAVIGATION.test(title)) return buttons.nth(i).click();
    }
    throw new Error('the card has no button to submit its inputs');
  }

  /**
   * Returns the first visible text matching `target`, first opening toggled sections whose title
   * matches `toggle` one by one if it is hidden (a card may or may not fold that section).
   */
  async reveal(card: Locator, target: RegExp, toggle: RegExp): Promise<Locator> {
    const shown = card.getByText(target).filter({ visible: true }).first();
    if ((await shown.count()) > 0) return shown;
    // Toggles are buttons, or containers the renderer gives the button role.
    const toggles = card.locator('button, [role="button"]').filter({ hasText: toggle });
    for (let i = 0; i < (await toggles.count()); i += 1) {
      await toggles.nth(i).click();
      if ((await shown.count()) > 0) return shown;
    }
    throw new Error(`no ${String(target)} shows, even with the ${String(toggle)} sections open`);
  }

  /** Selects the text of an element and copies it as a person would, returning the clipboard. */
  async copy(element: Locator): Promise<string> {
    await element.click({ clickCount: 3 });
    await this.page.keyboard.press('Control+C');
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.connected();
  }

  /** Web Chat shows "Connecting…" until the page's event stream is open. */
  private async connected(): Promise<void> {
    await this.sendBox().waitFor();
    await this.page.locator('.webchat__connectivityStatus').waitFor({ state: 'detached' });
  }

  async shot(name: string): Promise<void> {
    mkdirSync(CHAT_SHOTS_DIR, { recursive: true });
    await this.page.screenshot({ path: path.join(CHAT_SHOTS_DIR, `${name}.png`), fullPage: false });
  }

  /** The console errors, once every one logged so far has been read. */
  async consoleErrors(): Promise<string[]> {
    await this.logged;
    return this.errors;
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.browser.close();
  }
}
