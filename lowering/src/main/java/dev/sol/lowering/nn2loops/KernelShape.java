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
   * rows 8 divides and 6 does not takes 8 x 3, and any other of {@link #WIDE_TILES} whose
   * panels leave at least 3% less of the tile's work empty (5 x 5 vectors for 49 x 160).
   *
   * <p>kc is as long as a quarter of L2 allows for the B micro-panel: each block of k reloads
   * and stores the C tile, and on Zen 5 streaming the micro-panel from L2 costs less than
   * that (kc = 1024 ran 10% faster than the textbook L1-sized 128 on a 1024^3 product).
   */
  static KernelShape choose(TargetDescription t, long m, long n, long k) {
    int w = t.vectorWidth();
    int accumulators = accumulators(t);
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
    int needed = (int) Math.max(1, Math.min(nv, (n + w - 1) / w));
    if (needed == 1 && nv > 1 && m > mr) {
      // Columns for one vector only (the turned product of a convolution with few output
      // channels): the tile takes NARROW_TILE_ROWS rows, or fewer where they leave at least 3%
      // less of its work empty.
      int best = (int) Math.min(NARROW_TILE_ROWS, m);
      for (int h = best - 1; h > mr; h--) {
        if (padded(m, h) * 100 < padded(m, best) * 97) best = h;
      }
      mr = best;
    }
    nv = needed;
    if (accumulators >= 24 && m >= mr) {
      // Among the tiles of as many accumulators, the one whose panels cover m x n with the
      // fewest empty rows and columns, when it saves at least 3% of the tile's work.
      long best = padded(m, mr) * padded(n, (long) nv * w);
      for (int[] tile : WIDE_TILES) {
        if (tile[0] > m || tile[1] * w > Math.max(n, (long) nv * w)) continue;
        long area = padded(m, tile[0]) * padded(n, (long) tile[1] * w);
        if (area * 100 < best * 97) {
          best = area;
          mr = tile[0];
          nv = tile[1];
        }
      }
    }
    return new KernelShape(w, mr, nv, 0, 0, 0, 0).blockedK(t, k, maxKc(t, nv * w));
  }

  /**
   * The rows of a tile narrowed to one vector by a product's columns: 8, enough independent
   * FMAs for two pipes of latency 4, where 6 rows of one vector (ESPCN's last 3 x 3
   * convolution, 32 -> 9 channels at 224 x 224, turned) waited on their FMAs: in 8 rows it ran
   * 0.95 of the time, the ESPCN probe 0.975 (SqueezeNet, ShuffleNet v2, MobileNet-v2, MnasNet,
   * DenseNet-121, the OCR CNN within 1%). Taller was slower (10 rows 1.04, 12 1.06, 24 1.16):
   * the turned product reads each of a tile's rows (pixels) through a pointer of its own, and
   * past 8 of them the general registers spill. Tiles of two vectors or more keep their rows
   * (12 or more accumulators).
   */
  static final long NARROW_TILE_ROWS = 8;

  /** The tile's accumulators: three quarters of the vector registers. */
  private static int accumulators(TargetDescription t) { return t.vectorRegisters() - t.vectorRegisters() / 4; }

  /** The longest block of k for B micro-panels {@code nr} wide: a quarter of L2, a multiple of 8 (blocks are balanced in {@link #blockedK}). */
  private static long maxKc(TargetDescription t, int nr) { return Math.max(8, t.l2Bytes() / 4 / (4L * nr) / 8 * 8); }

  /**
   * The tile of this one's rows for a product of {@code n} columns and depth {@code k}: as many
   * vectors as the rows take ({@link #WIDE_TILES}; 5 x 5), at most as n needs. Products that
   * read A panels packed for this shape (a convolution's weights) take it for their other
   * blocks of columns (the last block of output rows, a band on a thread, the whole image), so
   * that the panels' rows are the kernel's: {@link #choose} may take other rows for another n.
   */
  KernelShape forColumns(TargetDescription t, long n, long k) {
    int accumulators = accumulators(t);
    int full = accumulators >= 24 && mr == 5 ? 5 : Math.max(1, Math.min(8, accumulators / mr));
    int v = (int) Math.max(1, Math.min(full, (n + width - 1) / width));
    return new KernelShape(width, mr, v, 0, 0, 0, 0).blockedK(t, k, maxKc(t, v * width));
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

  /**
   * The tiles (rows, vectors) tried with 32 vector registers: 24 or 25 accumulators, the rest
   * for B's vectors and A's broadcast. On Zen 5 the turned products of MobileNet-v2's 7 x 7 and
   * 14 x 14 layers, whose 49 or 196 pixels and 96, 160 or 960 output channels 6 x 64 tiles
   * cover with 10-30% empty, ran 14-16% faster in the tile that fits (1 x 1 convolutions 960 ->
   * 160 at 7 x 7 in 5 x 5 vectors, 576 -> 96 at 14 x 14 in 8 x 3, 160 -> 960 at 7 x 7 in 5 x 5):
   * MobileNet-v2 0.97 of its time, ShuffleNet v2 0.98. Tiles of 20 accumulators (4 x 5, 5 x 4)
   * are not tried: Inception-v1's 128 -> 192 at 28 x 28 ran 11% slower in 4 x 5, which covered
   * its 784 pixels with 4% fewer empty columns than 6 x 4.
   */
  private static final int[][] WIDE_TILES = {{6, 4}, {8, 3}, {4, 6}, {5, 5}};

  /** {@code size} rounded up to a multiple of {@code unit}. */
  private static long padded(long size, long unit) { return Math.ceilDiv(size, unit) * unit; }

  /** The rows that panels of {@code mr} rows leave empty below m. */
  private static long emptyRows(long m, int mr) {
    return (mr - m % mr) % mr;
  }
}
