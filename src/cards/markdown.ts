// Card text blocks are rendered as markdown in Teams: text from the knowledge goes through these so
// that host names, commands and numbered sentences show as written.

/**
 * Names and commands shown as they are: `*.azureml.ms` or `HTTP_PROXY` must not turn into
 * italics when Teams renders the text as markdown.
 */
export function literal(text: string): string {
  return text.replace(/[\\`*_[\]]/g, (c) => `\\${c}`);
}

/** Text that starts like "1. " is a paragraph here, not a markdown list (which would not wrap). */
export function paragraph(text: string): string {
  return text.replace(/^(\d+)\. /, '$1\\. ');
}
