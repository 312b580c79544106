/** A problem in an author's file, positioned so editors and terminals can jump to it. */
export interface Problem {
  /** Repository-relative path, e.g. annotations/notes/commitlog.md. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** What to do about it. */
  hint?: string;
}

export function formatProblem(problem: Problem): string {
  const head = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
  return problem.hint ? `${head}\n  hint: ${problem.hint}` : head;
}

export function byPosition(a: Problem, b: Problem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
}

/** Edit distance, for "did you mean" hints. */
export function closest(wanted: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.floor(wanted.length / 4))): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) > bestDistance) continue;
    const distance = levenshtein(wanted, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function levenshtein(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
