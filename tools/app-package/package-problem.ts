// One problem found while validating the app package, named by the place it was found so a reader can
// go straight to the field or file to fix.
export interface PackageProblem {
  /** Where: `manifest.bots[0].botId`, `outline.png`, `BOT_ID`. */
  readonly path: string;
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Joins JSON path segments the way JavaScript would address them: `manifest.bots[0].botId`. */
export function formatPath(root: string, segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    return IDENTIFIER.test(key) ? `${text}.${key}` : `${text}[${JSON.stringify(key)}]`;
  }, root);
}

export function formatProblem(problem: PackageProblem): string {
  return `${problem.path}: ${problem.message}`;
}

/** A value quoted for a message, cut short so one bad field cannot flood the output. */
export function quote(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
