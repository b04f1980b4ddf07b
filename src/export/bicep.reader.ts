// Reads back the small part of Bicep the exporter writes (comments, `key: value` lines, objects,
// arrays, single-quoted strings, integers, true/false), so tests can check the generated text parses
// to the same rules. No Bicep parser runs offline from npm; this one is a single linear pass.

export type BicepValue = string | number | boolean | BicepValue[] | { [key: string]: BicepValue };

export class BicepSyntaxError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
  }
}

type Token =
  | { kind: 'punct'; value: '{' | '}' | '[' | ']' | ':'; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'number'; value: number; line: number }
  | { kind: 'word'; value: string; line: number };

const ESCAPES: ReadonlyMap<string, string> = new Map([
  ["'", "'"],
  ['\\', '\\'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
  ['$', '$'],
]);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      tokens.push({ kind: 'newline', line });
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '{' || c === '}' || c === '[' || c === ']' || c === ':') {
      tokens.push({ kind: 'punct', value: c, line });
      i++;
    } else if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        const d = text[i];
        if (d === undefined || d === '\n') throw new BicepSyntaxError('unterminated string', line);
        if (d === "'") break;
        if (d === '\\') {
          const escaped = ESCAPES.get(text[i + 1] ?? '');
          if (escaped === undefined) throw new BicepSyntaxError('unknown escape in a string', line);
          value += escaped;
          i += 2;
        } else {
          if (d === '$' && text[i + 1] === '{') {
            throw new BicepSyntaxError('interpolation is not expected here', line);
          }
          value += d;
          i++;
        }
      }
      i++;
      tokens.push({ kind: 'string', value, line });
    } else if (/[0-9-]/.test(c)) {
      const match = /^-?[0-9]+/.exec(text.slice(i, i + 20));
      if (!match) throw new BicepSyntaxError(`unexpected "${c}"`, line);
      tokens.push({ kind: 'number', value: Number(match[0]), line });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      tokens.push({ kind: 'word', value: text.slice(i, j), line });
      i = j;
    } else {
      throw new BicepSyntaxError(`unexpected "${c}"`, line);
    }
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }

  private lastLine(): number {
    return this.tokens[this.tokens.length - 1]?.line ?? 1;
  }

  private skipNewlines(): void {
    while (this.peek()?.kind === 'newline') this.at++;
  }

  private expect(value: string): void {
    const t = this.peek();
    if (!t || t.kind !== 'punct' || t.value !== value) {
      throw new BicepSyntaxError(`expected "${value}"`, t?.line ?? this.lastLine());
    }
    this.at++;
  }

  private endOfLine(): void {
    const t = this.peek();
    if (
      t &&
      t.kind !== 'newline' &&
      !(t.kind === 'punct' && (t.value === '}' || t.value === ']'))
    ) {
      throw new BicepSyntaxError('expected a new line after a value', t.line);
    }
  }

  /** `key: value` lines up to a closing brace (or the end of the text at the top level). */
  properties(close?: '}'): Record<string, BicepValue> {
    const result: Record<string, BicepValue> = Object.create(null) as Record<string, BicepValue>;
    for (;;) {
      this.skipNewlines();
      const t = this.peek();
      if (!t) {
        if (close) throw new BicepSyntaxError(`expected "${close}"`, this.lastLine());
        return result;
      }
      if (close && t.kind === 'punct' && t.value === close) {
        this.at++;
        return result;
      }
      if (t.kind !== 'word') throw new BicepSyntaxError('expected a property name', t.line);
      if (Object.hasOwn(result, t.value)) {
        throw new BicepSyntaxError(`property "${t.value}" appears twice`, t.line);
      }
      this.at++;
      this.expect(':');
      result[t.value] = this.value();
      this.endOfLine();
    }
  }

  value(): BicepValue {
    const t = this.peek();
    if (!t) throw new BicepSyntaxError('expected a value', this.lastLine());
    this.at++;
    if (t.kind === 'string' || t.kind === 'number') return t.value;
    if (t.kind === 'word' && (t.value === 'true' || t.value === 'false')) return t.value === 'true';
    if (t.kind === 'punct' && t.value === '{') return this.properties('}');
    if (t.kind === 'punct' && t.value === '[') {
      const items: BicepValue[] = [];
      for (;;) {
        this.skipNewlines();
        const next = this.peek();
        if (next?.kind === 'punct' && next.value === ']') {
          this.at++;
          return items;
        }
        items.push(this.value());
        this.endOfLine();
      }
    }
    throw new BicepSyntaxError('expected a value', t.line);
  }
}

/** The top-level `key: value` properties of a Bicep fragment such as `securityRules: [ … ]`. */
export function readBicep(text: string): Record<string, BicepValue> {
  return new Parser(tokenize(text)).properties();
}
