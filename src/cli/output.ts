/** Where a command writes: stdout for results, stderr for warnings and errors. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** The process's own streams. */
export const processOutput: Output = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};
