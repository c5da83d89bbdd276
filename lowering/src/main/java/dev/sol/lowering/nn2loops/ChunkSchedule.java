package dev.sol.lowering.nn2loops;

/**
 * How long a parallel loop over chunks of rows keeps its threads, by the schedule that the LLVM
 * emitter gives every scf.parallel (codegen-llvm's {@code OpenMpEmitter}): the iterations are cut
 * into one range per thread, [t n / T, (t + 1) n / T); each range hands out chunks that halve
 * (the first half of the range rounded up, then half of what is left, down to single
 * iterations); a thread takes its own range's chunks first, then what is left of the others'
 * ranges, from range t + 1 on. A chunk once taken is the taker's to finish.
 *
 * <p>That is what a loop over chunks of equal size loses when its rows do not split evenly:
 * the last chunk is short, its range finishes early, and the other range's last chunk is
 * already taken. DeepLab's dilated 3 x 3 256 -> 256 at 21 x 21 (441 pixels) went in chunks of
 * 48 rows, 240 rows for one thread and 201 for the other; in chunks of 54, 225 and 216, and
 * the layer took 0.92 of its time on two threads.
 */
final class ChunkSchedule {
  private ChunkSchedule() {}

  /**
   * The chunk of rows, a multiple of {@code step}, from {@code smallest} up to {@code largest}
   * (a multiple of {@code step}, or all {@code rows}), with which {@code threads} threads finish
   * {@code rows} rows soonest ({@link #finish}), the rows taking equal time. Of chunks within
   * 3% of the soonest, a multiple of {@code aligned} is preferred, then the largest: fewer chunks
   * each reread the operand they share less often.
   */
  static long balanced(long rows, long step, long aligned, long smallest, long largest, int threads) {
    if (largest >= rows || threads == 1) return Math.min(largest, rows);
    long best = Long.MAX_VALUE;
    for (long c = smallest; c <= largest; c += step) best = Math.min(best, finish(rows, c, threads));
    long chosen = largest;
    boolean chosenAligned = false;
    for (long c = smallest; c <= largest; c += step) {
      if (finish(rows, c, threads) > best + best * 3 / 100) continue;
      boolean isAligned = c % aligned == 0;
      if (isAligned || !chosenAligned) {
        chosen = c;
        chosenAligned = isAligned;
      }
    }
    return chosen;
  }

  /**
   * When the last of {@code threads} threads finishes a loop over chunks of {@code chunk} rows
   * (the last chunk what is left of {@code rows}), in rows, each thread doing a row in the same
   * time.
   */
  static long finish(long rows, long chunk, int threads) {
    long n = Math.ceilDiv(rows, chunk);
    long[] taken = new long[threads];
    long[] free = new long[threads];
    boolean[] done = new boolean[threads];
    long end = 0;
    while (true) {
      int t = -1;
      for (int i = 0; i < threads; i++) if (!done[i] && (t < 0 || free[i] < free[t])) t = i;
      if (t < 0) return end;
      boolean took = false;
      for (int j = 0; j < threads && !took; j++) {
        int u = (t + j) % threads;
        long lo = u * n / threads, size = (u + 1) * n / threads - lo;
        long from = start(size, taken[u]);
        if (from >= size) continue;
        long to = start(size, ++taken[u]);
        for (long i = lo + from; i < lo + to; i++) free[t] += i == n - 1 ? rows - (n - 1) * chunk : chunk;
        took = true;
      }
      if (!took) {
        done[t] = true;
        end = Math.max(end, free[t]);
      }
    }
  }

  /** Where chunk {@code c} of a range of {@code size} iterations begins: size - floor(size / 2^c). */
  private static long start(long size, long c) {
    return size - (size >> Math.min(c, 63));
  }
}
