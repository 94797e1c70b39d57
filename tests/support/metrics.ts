/**
 * One sample of a Prometheus series (its name with labels, as printed) from a process's
 * `/metrics` on `port`. A labelled counter prints nothing before its first increment: pass
 * `whenAbsent` for those; otherwise a missing series is an error.
 */
export async function metricValue(port: number, series: string, whenAbsent?: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${series} `));
  if (line === undefined && whenAbsent !== undefined) return whenAbsent;
  if (line === undefined) throw new Error(`no ${series} in the /metrics of port ${port}:\n${text.slice(0, 500)}`);
  return Number(line.slice(series.length + 1));
}
