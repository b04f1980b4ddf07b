// What the "Show as commands" buttons and the NSG check cards send back. The inputs on a card
// (format, start, picks, region) arrive merged into the payload, so they are checked here too.
import { z } from 'zod';
import { ExportSource } from '../export/export.targets';

export const ExportAction = z.object({
  action: z.literal('export'),
  source: ExportSource,
  /** From the format picker; checked against the formats where it is used. */
  format: z.string().max(40).optional(),
  /** From the "first priority" box: text, checked where it is used so the error can say why. */
  start: z.string().max(20).optional(),
});
export type ExportAction = z.infer<typeof ExportAction>;

/** The scenario for an NSG the user pasted before; the JSON waits in their state. */
export const NsgCheckAction = z.object({
  action: z.literal('nsg.check'),
  picks: z.string().max(200).optional(),
});
export type NsgCheckAction = z.infer<typeof NsgCheckAction>;
