// The plan as commands or code in a card: monospace blocks a person can copy, what to replace, what
// was left out, and a format picker. Long text is split into blocks and cards that stay well under
// Teams' message size.
import { z } from 'zod';
import { ExportFormat, FORMAT_LABELS, type ExportResult } from '../export/export.formats';
import type { ExportSource } from '../export/export.targets';
import { Button, button } from './card-actions';
import { renderCard, type AdaptiveCard } from './render';

const Text = z.string();

export const CommandsCard = z.object({
  title: Text.min(1),
  subtitle: Text,
  notes: z.array(Text),
  placeholders: z.array(z.object({ title: Text, value: Text })),
  blocks: z.array(Text.min(1)),
  formats: z.array(z.object({ title: Text, value: Text })),
  format: Text,
  start: Text,
  actions: z.array(Button),
});
export type CommandsCard = z.infer<typeof CommandsCard>;

/** Characters per monospace block: short enough to copy in one go and to render quickly. */
export const BLOCK_CHARS = 3_000;
/** Code characters per card; with the markup and escaping this keeps a card under about 20 KB. */
export const CARD_CODE_CHARS = 12_000;

/** Splits text into blocks at line ends; a single longer line is cut at the block size. */
export function codeBlocks(text: string, max = BLOCK_CHARS): string[] {
  const blocks: string[] = [];
  let current = '';
  for (const line of text.replace(/\n+$/, '').split('\n')) {
    const pieces = line.length > max ? (line.match(new RegExp(`.{1,${max}}`, 'g')) ?? []) : [line];
    for (const piece of pieces) {
      if (current && current.length + piece.length + 1 > max) {
        blocks.push(current);
        current = '';
      }
      current = current ? `${current}\n${piece}` : piece;
    }
  }
  if (current.trim()) blocks.push(current);
  return blocks;
}

function packBlocks(blocks: readonly string[]): string[][] {
  const cards: string[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    if (used + block.length > CARD_CODE_CHARS && used > 0) {
      cards.push([]);
      used = 0;
    }
    cards[cards.length - 1]!.push(block);
    used += block.length;
  }
  return cards;
}

export interface CommandsCardOptions {
  source: ExportSource;
  /** The first priority as the user typed it, shown again in the box. */
  start: string;
  /** The whole text is also offered as a file (1:1 chats). */
  attachedAs?: string;
}

export function commandsCards(result: ExportResult, options: CommandsCardOptions): AdaptiveCard[] {
  const packed = packBlocks(codeBlocks(result.text));
  const copy = options.attachedAs
    ? `Copy the blocks below, or take them as the file ${options.attachedAs} offered after this card.`
    : 'Copy the blocks below.';
  return packed.map((blocks, i) => {
    const first = i === 0;
    const last = i === packed.length - 1;
    return renderCard('commands', CommandsCard, {
      title: packed.length === 1 ? result.label : `${result.label} (${i + 1} of ${packed.length})`,
      subtitle: first ? copy : '',
      notes: first ? result.notes : [],
      placeholders: first
        ? result.placeholders.map((p) => ({ title: p.token, value: p.meaning }))
        : [],
      blocks,
      formats: last ? ExportFormat.options.map((f) => ({ title: FORMAT_LABELS[f], value: f })) : [],
      format: result.format,
      start: options.start,
      actions: last
        ? [button('Show in this format', { action: 'export', source: options.source })]
        : [],
    });
  });
}

/** The button other cards carry to open their rules as commands. */
export function showAsCommands(source: ExportSource): Button {
  return button('Show as commands', { action: 'export', source });
}
