package dev.sol.lowering.nn2loops;

import dev.sol.lowering.Loops;

/**
 * How the tiles of one matrix product ({@link MatMulKernel}) go to threads. A tile of C stays
 * with one thread for all of k (its blocks of k run in order on it), and the threads split
 * either the rows, as blocks of A panels ({@code mcPanels} shrunk so that the blocks come in a
 * multiple of the threads; each thread's A block stays in its own core's L2 cache while all
 * read the B panels from the shared L3), or, when there are too few rows for that, the B
 * panels of each block. Rows are taken when they keep the threads at least 90% busy or as busy
 * as the columns would; a single parallel region then covers the whole product (per block of
 * k and of B panels). Packing is not split: A and B are packed whole before the nest, so no
 * thread needs buffers of its own.
 *
 * @param shape the kernel shape, with the rows' block size for the threads
 * @param rows whether the loop over blocks of A panels is parallel
 * @param columns whether the loop over the B panels of a block is parallel
 */
record GemmThreads(KernelShape shape, boolean rows, boolean columns) {
  /** The split for an m x n x k product on {@code l}'s threads: none on one thread or when the product is too small to earn a parallel region. */
  static GemmThreads choose(Loops l, KernelShape s, long m, long n, long k) {
    int t = l.threads();
    long pm = (m + s.mr() - 1) / s.mr();
    long pnFull = n / s.nr();
    if (!l.worthParallel((double) m * n * k / s.width()) || pm < 2 && pnFull < 2) return new GemmThreads(s, false, false);
    if (busy(pm, t) >= 0.9 || busy(pm, t) >= busy(pnFull, t)) {
      long blocks = (pm + s.mcPanels() - 1) / s.mcPanels();
      long parts = (blocks + t - 1) / t * t;
      long mc = (pm + parts - 1) / parts;
      return new GemmThreads(new KernelShape(s.width(), s.mr(), s.nv(), s.kc(), mc, s.ncPanels()), true, false);
    }
    return new GemmThreads(s, false, true);
  }

  /** The share of the threads' time spent working when {@code pieces} equal pieces are dealt out to them. */
  private static double busy(long pieces, int threads) {
    return (double) pieces / (threads * ((pieces + threads - 1) / threads));
  }
}
