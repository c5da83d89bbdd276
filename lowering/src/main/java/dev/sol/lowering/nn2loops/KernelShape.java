package dev.sol.lowering.nn2loops;

import dev.sol.lowering.TargetDescription;

/**
 * The tiling of one f32 matrix product C (m x n) += A (m x k) B (k x n), after BLIS's
 * (Goto's) scheme: the micro-kernel keeps an {@code mr} x {@code nr} tile of C in
 * {@code mr * nv} vector registers of {@code width} lanes ({@code nr = nv * width}) while it
 * runs over {@code kc} values of k; B is packed in panels {@code nr} columns wide, A in panels
 * {@code mr} rows high. Around the micro-kernel, a block of {@code mcPanels} A panels stays in
 * the L2 cache with the B micro-panel ({@code kc} x {@code nr}) that they all meet, and a block
 * of {@code ncPanels} B panels in the L3 cache. For short blocks of k (at most
 * {@link #SUB_BLOCK_MAX_K}) the order inside a block may turn around ({@code MatMulKernel}
 * decides): each A panel runs along a sub-block of {@code subPanels} B panels that stays in a
 * quarter of L2 (0: no such order).
 */
record KernelShape(int width, int mr, int nv, long kc, long mcPanels, long ncPanels, long subPanels) {
  /**
   * The longest block of k for which A panels run along sub-blocks of B panels (see
   * {@code subPanels}): 1 x 1 convolutions from 64 channels or fewer, whose products are mostly
   * writes of C. Up to 256 (ResNet-50's 1 x 1 layers from 128 and 256 channels) was measured
   * no faster on ResNet-50 and 1% slower on SqueezeNet and MobileNet-v2 (AVX2).
   */
  static final long SUB_BLOCK_MAX_K = 64;

  /** Columns of a B panel and of the register tile. */
  int nr() { return nv * width; }

  /**
   * The shape for this target and problem. The tile takes three quarters of the vector
   * registers, the rest holding B's vectors and A's broadcast: 6 rows of 4 vectors with 32
   * registers (6 x 64 on AVX-512), 6 of 2 with 16 (6 x 16 on AVX2). Fewer broadcasts per FMA
   * made 6 x 4 faster than 12 x 2 on Zen 5. A product with fewer rows makes the tile as high as
   * it is and wider instead, up to 8 vectors (enough independent accumulators to cover the FMA
   * latency of two pipes), but never wider than n needs. With 24 accumulators, a product whose
   * rows 8 divides and 6 does not takes 8 x 3.
   *
   * <p>kc is as long as a quarter of L2 allows for the B micro-panel: each block of k reloads
   * and stores the C tile, and on Zen 5 streaming the micro-panel from L2 costs less than
   * that (kc = 1024 ran 10% faster than the textbook L1-sized 128 on a 1024^3 product).
   */
  static KernelShape choose(TargetDescription t, long m, long n, long k) {
    int w = t.vectorWidth();
    int accumulators = t.vectorRegisters() - t.vectorRegisters() / 4;
    int nv = Math.max(1, t.vectorRegisters() / 8);
    int mr = accumulators / nv;
    if (m < mr) {
      mr = (int) m;
      nv = Math.min(8, accumulators / mr);
    } else if (accumulators >= 24 && m % 8 == 0 && emptyRows(m, mr) * 50 > m) {
      // Rows that 6 does not divide waste the last panel's: 32 output channels (DenseNet's 3 x 3
      // convolutions) ran 36 rows. 8 x 3 vectors is as many accumulators with no waste, but
      // needs 11 loads for 24 FMAs where 6 x 4 needs 10, so it is taken only when 6 leaves more
      // than 2% of the rows empty (not for 1024 rows, where 6 x 4 leaves 2).
      mr = 8;
      nv = accumulators / 8;
    }
    nv = (int) Math.max(1, Math.min(nv, (n + w - 1) / w));
    int nr = nv * w;
    // Blocks of k are balanced and multiples of 8.
    return new KernelShape(w, mr, nv, 0, 0, 0, 0).blockedK(t, k, Math.max(8, t.l2Bytes() / 4 / (4L * nr) / 8 * 8));
  }

  /**
   * This tile with blocks of k of at most {@code maxKc} (a multiple of 8), balanced and
   * multiples of 8, and the A and B blocks that go with them: mc x kc takes half of L2, kc x nc
   * half of L3.
   */
  KernelShape blockedK(TargetDescription t, long k, long maxKc) {
    long kc = maxKc;
    if (k <= kc) {
      kc = k;
    } else {
      long blocks = (k + kc - 1) / kc;
      kc = ((k + blocks - 1) / blocks + 7) / 8 * 8;
    }
    long mc = Math.max(1, t.l2Bytes() / 2 / (4L * kc * mr));
    long nc = Math.max(1, t.l3Bytes() / 2 / (4L * kc * nr()));
    long sub = kc <= SUB_BLOCK_MAX_K ? t.l2Bytes() / 4 / (4L * kc * nr()) : 0;
    return new KernelShape(width, mr, nv, kc, mc, nc, sub);
  }

  /** The rows that panels of {@code mr} rows leave empty below m. */
  private static long emptyRows(long m, int mr) {
    return (mr - m % mr) % mr;
  }
}
