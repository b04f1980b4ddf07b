// The error a malformed knowledge folder raises: it names the file and the path of the bad field.

export interface KnowledgeIssue {
  /** e.g. `knowledge/rules.json` */
  file: string;
  /** e.g. `rules[12].ports[0].to`; empty when the issue is about the whole file or folder */
  path: string;
  message: string;
}

function formatIssue(issue: KnowledgeIssue): string {
  return [issue.file, issue.path, issue.message].filter(Boolean).join(': ');
}

export class KnowledgeError extends Error {
  readonly issues: readonly KnowledgeIssue[];

  constructor(issues: readonly KnowledgeIssue[]) {
    const [first = 'invalid knowledge', ...rest] = issues.map(formatIssue);
    const more = rest.length > 0 ? ` (and ${rest.length} more)\n${rest.join('\n')}` : '';
    super(`${first}${more}`);
    this.name = 'KnowledgeError';
    this.issues = issues;
  }
}

/** `['rules', 12, 'ports', 0, 'to']` → `rules[12].ports[0].to` */
export function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
    .join('');
}
