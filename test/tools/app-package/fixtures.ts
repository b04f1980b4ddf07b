// Shared inputs for the app package tests: the real manifest filled with fixed test ids.
import { readFileSync } from 'node:fs';
import { fillPlaceholders } from '../../../tools/app-package/manifest.placeholders';
import type { CommandHandlers } from '../../../tools/app-package/manifest.validate';
import { HANDLED_COMMANDS, MESSAGE_EXTENSION_COMMANDS } from '../../../src/bot/commands';
import { projectPath } from '../../../src/paths';

export const TEST_BOT_ID = '6b8f1c2e-3d4a-4b5c-9d6e-7f8091a2b3c4';
export const TEST_APP_ID = '0d1e2f30-4152-4637-8899-aabbccddeeff';

export const TEST_VALUES = {
  TEAMS_APP_ID: TEST_APP_ID,
  BOT_ID: TEST_BOT_ID,
  APP_VERSION: '1.2.3',
  APP_WEBSITE_URL: 'https://contoso.example/aml-guide',
  APP_PRIVACY_URL: 'https://contoso.example/privacy',
  APP_TERMS_URL: 'https://contoso.example/terms',
} as const;

export const HANDLERS: CommandHandlers = {
  botCommands: HANDLED_COMMANDS,
  messageExtensionCommands: MESSAGE_EXTENSION_COMMANDS,
};

export const APP_PACKAGE_DIR = projectPath('appPackage');

export type Json = Record<string, unknown>;

export function rawManifest(): Json {
  return JSON.parse(readFileSync(projectPath('appPackage', 'manifest.json'), 'utf8')) as Json;
}

/** A fresh copy of the real manifest with the test values filled in. */
export function filledManifest(): Json {
  return fillPlaceholders(rawManifest(), TEST_VALUES) as Json;
}
