import { useEffect, useState } from 'react';

/**
 * True from the first frame painted after `ready` became true. Heavy panels below the fold
 * (charts) wait for it, so their rendering never holds back the first paint of what sits
 * above them (bench/README.md, web paint: the heatmap waited for the charts).
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // rAF runs just before the next paint; the timeout after it runs once that frame is out.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ready, painted]);
  return painted;
}
