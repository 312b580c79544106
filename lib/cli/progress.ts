/**
 * A one-line progress bar on a terminal; on anything else (CI logs, pipes) it prints a line at
 * every tenth of the way so logs stay short but still show that work is moving.
 */
export interface Progress {
  tick(done: number, detail?: string): void;
  done(): void;
}

export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const interactive = Boolean(stream.isTTY);
  let lastDecile = -1;
  let lastDraw = 0;
  const width = 28;

  return {
    tick(done, detail = '') {
      if (total <= 0) return;
      if (interactive) {
        const now = Date.now();
        if (now - lastDraw < 50 && done < total) return;
        lastDraw = now;
        const filled = Math.round((done / total) * width);
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        const text = `${label} ${bar} ${done}/${total} ${detail}`;
        const columns = stream.columns ?? 100;
        stream.write('\r' + text.slice(0, columns - 1).padEnd(columns - 1));
        return;
      }
      const decile = Math.floor((done / total) * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${label} ${done}/${total}${detail ? ' ' + detail : ''}\n`);
      }
    },
    done() {
      if (interactive) stream.write('\r' + ' '.repeat((stream.columns ?? 100) - 1) + '\r');
    },
  };
}
