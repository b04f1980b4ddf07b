// Teams Toolkit style `${{NAME}}` placeholders in the manifest, filled from configuration at packaging
// time so ids and URLs never have to be committed.

/** Matches one placeholder and captures its name. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Anything that still looks like a placeholder after filling, including malformed ones. */
const PLACEHOLDER_START = '${{';

export interface LeftoverPlaceholder {
  readonly segments: ReadonlyArray<string | number>;
  readonly text: string;
}

/**
 * Returns a copy of `value` with every `${{NAME}}` inside its strings replaced by `values[NAME]`.
 * Unknown names stay as they are, so the leftover check can report them. Filling the parsed JSON
 * rather than its text means a value with quotes or backslashes cannot break the document.
 */
export function fillPlaceholders(
  value: unknown,
  values: Readonly<Record<string, string>>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) =>
      Object.hasOwn(values, name) ? (values[name] ?? whole) : whole,
    );
  }
  if (Array.isArray(value)) return value.map((item) => fillPlaceholders(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fillPlaceholders(item, values)]),
    );
  }
  return value;
}

/** Every string in `value` that still holds a `${{`, with where it is. */
export function findLeftoverPlaceholders(
  value: unknown,
  segments: ReadonlyArray<string | number> = [],
): LeftoverPlaceholder[] {
  if (typeof value === 'string') {
    return value.includes(PLACEHOLDER_START) ? [{ segments, text: value }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findLeftoverPlaceholders(item, [...segments, index]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      findLeftoverPlaceholders(item, [...segments, key]),
    );
  }
  return [];
}

/** The placeholder names used in `value`, for messages that say which variable to set. */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}
