// SARIF 2.1.0 (code-analysis's findings.sarif) → a diagnostics model: one entry per result with its file, range,
// severity, rule, CWE tags, the data-flow trace as related locations, and a suggested fix when there is one (SARIF
// `fixes`, or the model's explanation of the finding in the task result, matched by fingerprint).

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** 1-based lines and columns as SARIF has them; endColumn is exclusive, absent = to the end of the line. */
export interface Range { startLine: number; startColumn?: number; endLine: number; endColumn?: number }

export interface RelatedInfo { path: string; range: Range; message: string }

export interface SuggestedFix {
  title: string;
  /** Free text (a model's suggestion) shown to the user. */
  description?: string;
  /** Concrete edits from SARIF `fixes`: replace the range's text with `text`. */
  edits: { path: string; range: Range; text: string }[];
}

export interface DiagnosticModel {
  path: string;
  range: Range;
  severity: Severity;
  /** Luna's severity word (critical, high, medium, low, info) where the result carries it. */
  lunaSeverity?: string;
  message: string;
  ruleId: string;
  analyzer: string;
  cwe: string[];
  fingerprint?: string;
  helpUri?: string;
  related: RelatedInfo[];
  fix?: SuggestedFix;
}

/** A model's explanation from the code-analysis result ("explanations": [{fingerprint, explanation, fix, …}]). */
export interface Explanation { fingerprint: string; ruleId?: string; explanation?: string; fix?: string; confidence?: string }

export function sarifToDiagnostics(sarif: any, explanations: Explanation[] = []): DiagnosticModel[] {
  if (!sarif || sarif.version !== '2.1.0' || !Array.isArray(sarif.runs)) throw new Error('not a SARIF 2.1.0 log');
  const byFingerprint = new Map(explanations.filter(e => e?.fingerprint).map(e => [e.fingerprint, e]));
  const out: DiagnosticModel[] = [];
  for (const run of sarif.runs) {
    const driver = run?.tool?.driver ?? {};
    const rules: any[] = driver.rules ?? [];
    const ruleById = new Map(rules.map(r => [r.id, r]));
    const bases: Record<string, string> = {};
    for (const [k, v] of Object.entries<any>(run.originalUriBaseIds ?? {})) if (typeof v?.uri === 'string' && !v.uri.startsWith('file:')) bases[k] = v.uri;
    for (const result of run.results ?? []) {
      const loc = physical(result.locations?.[0], bases);
      if (!loc) continue; // a result without a file (e.g. about the whole project) has no place in the Problems panel
      const rule = (typeof result.ruleIndex === 'number' ? rules[result.ruleIndex] : undefined) ?? ruleById.get(result.ruleId) ?? {};
      const cwe = cweOf(result, rule);
      const level: string = result.level ?? rule.defaultConfiguration?.level ?? 'warning';
      const fingerprint = result.partialFingerprints ? Object.values<string>(result.partialFingerprints)[0] : undefined;
      const related: RelatedInfo[] = [];
      const steps = result.codeFlows?.[0]?.threadFlows?.[0]?.locations ?? [];
      steps.forEach((s: any, i: number) => {
        const p = physical(s.location, bases);
        if (!p) return;
        const kind = Array.isArray(s.kinds) && s.kinds.length ? `${s.kinds.join(', ')}: ` : '';
        related.push({ ...p, message: `${i + 1}. ${kind}${s.location?.message?.text ?? 'data flow'}` });
      });
      for (const r of result.relatedLocations ?? []) {
        const p = physical(r, bases);
        if (p) related.push({ ...p, message: r.message?.text ?? 'related location' });
      }
      out.push({
        ...loc,
        severity: severity(level, result.properties?.severity),
        lunaSeverity: result.properties?.severity,
        message: result.message?.text ?? rule.shortDescription?.text ?? result.ruleId,
        ruleId: result.ruleId ?? rule.id ?? 'unknown',
        analyzer: driver.name ?? 'luna',
        cwe,
        fingerprint,
        helpUri: rule.helpUri,
        related,
        fix: fixOf(result, bases, fingerprint ? byFingerprint.get(fingerprint) : undefined),
      });
    }
  }
  return out;
}

/** Groups diagnostics by file path. */
export function byFile(diagnostics: DiagnosticModel[]): Map<string, DiagnosticModel[]> {
  const m = new Map<string, DiagnosticModel[]>();
  for (const d of diagnostics) m.set(d.path, [...(m.get(d.path) ?? []), d]);
  return m;
}

function physical(location: any, bases: Record<string, string>): { path: string; range: Range } | undefined {
  const pl = location?.physicalLocation;
  const uri: string | undefined = pl?.artifactLocation?.uri;
  if (!uri) return undefined;
  const base = pl.artifactLocation.uriBaseId ? bases[pl.artifactLocation.uriBaseId] ?? '' : '';
  const path = decodeURIComponent((base + uri).replace(/^file:\/\//, '').replace(/^\.\//, ''));
  const r = pl.region ?? {};
  const startLine = r.startLine ?? 1;
  return { path, range: { startLine, startColumn: r.startColumn, endLine: r.endLine ?? startLine, endColumn: r.endColumn } };
}

function cweOf(result: any, rule: any): string[] {
  const set = new Set<string>();
  for (const t of result.taxa ?? []) {
    if ((t.toolComponent?.name ?? '').toUpperCase() === 'CWE' && t.id) set.add(`CWE-${String(t.id).replace(/^CWE-/i, '')}`);
  }
  for (const tag of rule.properties?.tags ?? []) {
    const m = /^CWE-(\d+)$/i.exec(tag);
    if (m) set.add(`CWE-${m[1]}`);
  }
  return [...set].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
}

function severity(level: string, luna?: string): Severity {
  if (luna === 'critical' || luna === 'high') return 'error';
  if (luna === 'info') return 'information';
  switch (level) {
    case 'error': return 'error';
    case 'warning': return 'warning';
    case 'note': return 'information';
    default: return 'hint';
  }
}

function fixOf(result: any, bases: Record<string, string>, explanation?: Explanation): SuggestedFix | undefined {
  const fix = result.fixes?.[0];
  if (fix) {
    const edits: SuggestedFix['edits'] = [];
    for (const change of fix.artifactChanges ?? []) {
      const p = physical({ physicalLocation: { artifactLocation: change.artifactLocation } }, bases);
      if (!p) continue;
      for (const rep of change.replacements ?? []) {
        const d = rep.deletedRegion ?? {};
        const startLine = d.startLine ?? 1;
        edits.push({ path: p.path, range: { startLine, startColumn: d.startColumn, endLine: d.endLine ?? startLine, endColumn: d.endColumn },
          text: rep.insertedContent?.text ?? '' });
      }
    }
    return { title: fix.description?.text ?? 'Apply the suggested fix', description: explanation?.fix, edits };
  }
  if (explanation?.fix) {
    return { title: 'Show the suggested fix', description: [explanation.explanation, explanation.fix].filter(Boolean).join('\n\n'), edits: [] };
  }
  return undefined;
}
