package dev.sol.lowering.nn2loops;

import dev.sol.lowering.TargetDescription;

/**
 * The tiling of one f32 matrix product C (m x n) += A (m x k) B (k x n), after BLIS's
 * (Goto's) scheme: the micro-kernel keeps an {@code mr} x {@code nr} tile of C in
 * {@code mr * nv} vector registers of {@code width} lanes ({@code nr = nv * width}) while it
 * runs over {@code kc} values of k; B is packed in panels {@code nr} columns wide, A in panels
 * {@code mr} rows high. Around the micro-kernel, a block of {@code mcPanels} A panels stays in
 * the L2 cache and a block of {@code ncPanels} B panels in the L3 cache, and the B micro-panel
 * ({@code kc} x {@code nr}) in L1 while the A panels of the block stream past it.
 */
record KernelShape(int width, int mr, int nv, long kc, long mcPanels, long ncPanels) {
  /** Columns of a B panel and of the register tile. */
  int nr() { return nv * width; }

  /**
   * The shape for this target and problem. The tile takes about three quarters of the vector
   * registers (the rest hold B's vectors and A's broadcast): 12 x 2 vectors with 32
   * registers, 6 x 2 with 16. A product with fewer rows than that makes the tile as high as
   * it is and wider instead, up to 8 vectors (enough independent accumulators to cover the
   * FMA latency of two pipes), but not wider than n needs.
   */
  static KernelShape choose(TargetDescription t, long m, long n, long k) {
    int w = t.vectorWidth();
    int accumulators = t.vectorRegisters() - t.vectorRegisters() / 4;
    int mr = accumulators / 2;
    int nv = 2;
    if (m < mr) {
      mr = (int) m;
      nv = Math.min(8, accumulators / mr);
    }
    nv = (int) Math.max(1, Math.min(nv, (n + w - 1) / w));
    int nr = nv * w;
    // The B micro-panel takes half of L1; blocks of k are balanced and multiples of 8.
    long kc = Math.max(8, t.l1Bytes() / 2 / (4L * nr) / 8 * 8);
    if (k <= kc) {
      kc = k;
    } else {
      long blocks = (k + kc - 1) / kc;
      kc = ((k + blocks - 1) / blocks + 7) / 8 * 8;
    }
    // A block of mc x kc takes half of L2, a block of B kc x nc half of L3.
    long mc = Math.max(1, t.l2Bytes() / 2 / (4L * kc * mr));
    long nc = Math.max(1, t.l3Bytes() / 2 / (4L * kc * nr));
    return new KernelShape(w, mr, nv, kc, mc, nc);
  }
}
