// Matches a known error's descriptive regex ("nsg.*(block|deny)") in time linear in the text.
// V8's backtracking engine tries every `.*` split from every start: a pasted text repeating the
// first words ("vscode fail vscode fail …") costs it the cube of the length. Here a pattern is cut
// at its top-level `.*` into pieces, and the pieces are found one after the other, each search
// starting where the previous piece ended, on one line at a time (`.` never crosses a line).

/** A pattern as its pieces, each compiled once; matching is a forward scan per piece. */
interface CompiledPattern {
  pieces: RegExp[];
}

const compiled = new Map<string, CompiledPattern>();

/** Splits `source` at `.*` outside groups, character classes and escapes. */
function splitAtWildcards(source: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') {
      inClass = true;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
    } else if (c === '.' && source[i + 1] === '*' && depth === 0) {
      pieces.push(source.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  pieces.push(source.slice(start));
  return pieces.filter((p) => p !== '');
}

/**
 * What makes a pattern unfit for matching user text, or undefined. An unbounded wildcard left
 * inside a piece (in a group, or as `.+`) would bring the backtracking back.
 */
export function errorPatternProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'i');
  } catch (err) {
    return (err as Error).message;
  }
  const unbounded = splitAtWildcards(source).find((piece) => /(^|[^\\])\.[*+]/.test(piece));
  return unbounded === undefined
    ? undefined
    : `"${unbounded}" has a wildcard inside a group or a ".+": use ".*" only between the parts of the pattern`;
}

function compile(source: string): CompiledPattern {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = { pieces: splitAtWildcards(source).map((piece) => new RegExp(piece, 'gi')) };
    compiled.set(source, pattern);
  }
  return pattern;
}

/** Where `piece` matches from `from` on: the first match, or with `last`, the last one. */
function find(piece: RegExp, line: string, from: number, last: boolean) {
  piece.lastIndex = from;
  let found = piece.exec(line);
  while (last && found) {
    // An empty match does not move lastIndex: step over it, or the loop never ends.
    if (found[0] === '') piece.lastIndex++;
    const later = piece.exec(line);
    if (!later) break;
    found = later;
  }
  return found && { start: found.index, end: found.index + found[0].length };
}

/** Length of the match on one line, as long as the whole regex's greedy match; 0 if none. */
function matchLine(pieces: readonly RegExp[], line: string): number {
  let start = -1;
  let end = 0;
  for (const [i, piece] of pieces.entries()) {
    // A greedy `.*` before the last piece reaches that piece's last occurrence on the line.
    const found = find(piece, line, end, i > 0 && i === pieces.length - 1);
    if (!found) return 0;
    if (start < 0) start = found.start;
    end = found.end;
  }
  return end - start;
}

/** Length of the first match of `source` in `text` (case-insensitive), 0 if none. */
export function matchErrorPattern(source: string, text: string): number {
  const { pieces } = compile(source);
  for (const line of text.split(/[\n\r\u2028\u2029]/)) {
    const length = matchLine(pieces, line);
    if (length > 0) return length;
  }
  return 0;
}
