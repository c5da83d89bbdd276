package dev.sol.lowering.nn2loops;

import dev.sol.lowering.Loops;

/**
 * How the tiles of one matrix product ({@link MatMulKernel}) go to threads. A tile of C stays
 * with one thread for all of k (its blocks of k run in order on it), and the threads split
 * either the rows, as blocks of A panels ({@code mcPanels} shrunk so that the blocks come in a
 * multiple of the threads; each thread's A block stays in its own core's L2 cache while all
 * read the B panels from the shared L3), or, when there are too few rows for that, the B
 * panels, one panel to an iteration of the parallel loop ({@code ncPanels} 1): the threads'
 * cores are often unequally fast (a vCPU shares its core with a busy neighbour, or the JVM's
 * threads run beside), and with one block per thread the faster one waited for the slower at
 * the end of every product; with a panel per iteration it takes the slower one's last panels
 * (see the OpenMP emitter's ranges). ResNet-50 on two threads, deployed A/B, with the split of
 * the turned product by panels: 1.000 and 0.994 on an idle machine, 0.972 with a process
 * taking 10% of one core. Each panel multiplies all of A against its k x nr slice of B, as a
 * block of panels did panel by panel. Rows are taken when they keep the threads at least 90%
 * busy or as busy as the columns would, except that an image copied into panels goes to the
 * threads by its pixels where they split evenly. The split loop is the outermost of the nest,
 * so a product is one parallel region. Packing is not split here: A and B are packed whole
 * before the nest, so no thread needs buffers of its own.
 *
 * @param shape the kernel shape, with the split loop's block size for the threads
 * @param rows whether the loop over blocks of A panels is parallel
 * @param columns whether the loop over blocks of B panels is parallel
 */
record GemmThreads(KernelShape shape, boolean rows, boolean columns) {
  /** The split for an m x n x k product on {@code l}'s threads: none on one thread or when the product is too small to earn a parallel region. */
  static GemmThreads choose(Loops l, KernelShape s, long m, long n, long k) { return choose(l, s, m, n, k, false); }

  /**
   * {@link #choose} for a product whose B is an image's pixels, copied into panels
   * ({@code imageColumns}), or other matrices.
   */
  static GemmThreads choose(Loops l, KernelShape s, long m, long n, long k, boolean imageColumns) {
    int t = l.threads();
    long pm = (m + s.mr() - 1) / s.mr();
    long pnFull = n / s.nr();
    if (!l.worthParallel((double) m * n * k / s.width()) || pm < 2 && pnFull < 2) return new GemmThreads(s, false, false);
    boolean rowsBusy = busy(pm, t) >= 0.9 || busy(pm, t) >= busy(pnFull, t);
    boolean columnsBusy = busy(pnFull, t) >= 0.9 || busy(pnFull, t) >= busy(pm, t);
    // Split rows and every thread reads all of B; split columns and every thread reads all of
    // A. When B is the far larger (the weights of a convolution over a small image, as
    // ResNet-50's 9 MB 3 x 3 ones at 7 x 7, read from memory), the threads take its columns.
    // When B is an image copied into panels, columns that keep the threads 90% busy (the last,
    // narrower panel counted as its share) are taken before rows: each thread then reads, and
    // copies, only its pixels, where with rows every thread copies the whole image, half of it
    // just written by the other core. Deployed A/B on two threads: ResNet-50 0.97-0.99,
    // SqueezeNet 0.99, ResNet-50 v2 0.99, others within noise; with packed B (a transformer's
    // products of activations and weights) columns first took 1.03 of the time.
    boolean byPixels = imageColumns && columnShare(n, s.nr(), t) >= 0.9;
    if (rowsBusy && !byPixels && !(columnsBusy && bFarLarger(m, n))) {
      return new GemmThreads(new KernelShape(s.width(), s.mr(), s.nv(), s.kc(), perPart(pm, s.mcPanels(), t), s.ncPanels(), s.subPanels()), true, false);
    }
    return new GemmThreads(new KernelShape(s.width(), s.mr(), s.nv(), s.kc(), s.mcPanels(), 1, s.subPanels()), false, true);
  }

  /** Whether B (k x n) is at least four times A (m x k), so that threads had better split its columns than read it whole. */
  static boolean bFarLarger(long m, long n) { return n >= 4 * m; }

  /** Panels per block when {@code panels} in blocks of at most {@code size} are cut into a multiple of {@code threads} blocks. */
  private static long perPart(long panels, long size, int threads) {
    long blocks = (panels + size - 1) / size;
    long parts = (blocks + threads - 1) / threads * threads;
    return (panels + parts - 1) / parts;
  }

  /**
   * The share of the threads' time spent working when the B panels of {@code n} columns,
   * {@code nr} wide, are dealt out to them, the last panel counted as its share of a panel.
   */
  private static double columnShare(long n, int nr, int threads) {
    return (double) n / nr / (threads * Math.ceilDiv(Math.ceilDiv(n, nr), threads));
  }

  /** The share of the threads' time spent working when {@code pieces} equal pieces are dealt out to them. */
  private static double busy(long pieces, int threads) {
    return (double) pieces / (threads * ((pieces + threads - 1) / threads));
  }
}
