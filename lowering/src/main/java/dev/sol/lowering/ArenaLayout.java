package dev.sol.lowering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Byte offsets in one arena for buffers with known lifetimes, such that buffers alive at the
 * same time never overlap: interval packing, as ONNX Runtime's memory patterns do it. Each
 * buffer in turn takes the lowest 64-byte-aligned offset where it fits beside the buffers
 * already placed whose lifetimes meet its own (first fit), or the smallest such gap (best
 * fit). The order decides how well that packs, so several orders are tried (largest first,
 * earliest first, longest-lived first, largest area first), each with both rules, and the
 * smallest arena is kept. No layout can be smaller than
 * {@link #peak}, the most bytes alive at one time; on networks first fit meets it or comes close.
 *
 * @param offsets each buffer's offset, in the order they were given
 * @param bytes the arena's size
 */
public record ArenaLayout(long[] offsets, long bytes) {
  /** Random orders tried at most when the sorted ones leave the arena above the peak. */
  private static final int RANDOM_ORDERS = 256;

  /**
   * Pairs of buffers compared at most over the random orders (each order compares every pair
   * once): all 256 orders up to about 430 buffers (DenseNet-121 has 400), fewer beyond, so
   * that planning stays a fraction of a second on any network.
   */
  private static final long RANDOM_WORK = 48_000_000;

  /** The alignment of every offset and of every buffer's size, a cache line. */
  public static final long ALIGNMENT = 64;

  /** A buffer of {@code bytes} alive from position {@code start} to position {@code end}, both included. */
  public record Lifetime(long bytes, int start, int end) {
    public Lifetime {
      if (bytes < 0 || end < start) throw new IllegalArgumentException("bad lifetime " + bytes + " bytes [" + start + ", " + end + "]");
    }

    /** The size the arena gives it: rounded up to whole cache lines, at least one. */
    long aligned() { return Math.max(ALIGNMENT, (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT); }

    boolean meets(Lifetime o) { return start <= o.end && o.start <= end; }
  }

  /** The smallest of the first-fit layouts over the orders tried. */
  public static ArenaLayout plan(List<Lifetime> buffers) {
    List<Comparator<Integer>> orders = List.of(
        Comparator.<Integer>comparingLong(i -> -buffers.get(i).aligned()).thenComparingInt(i -> buffers.get(i).start()),
        Comparator.<Integer>comparingInt(i -> buffers.get(i).start()).thenComparingLong(i -> -buffers.get(i).aligned()),
        Comparator.<Integer>comparingInt(i -> buffers.get(i).start() - buffers.get(i).end()).thenComparingLong(i -> -buffers.get(i).aligned()),
        Comparator.<Integer>comparingLong(i -> -buffers.get(i).aligned() * (buffers.get(i).end() - buffers.get(i).start() + 1)));
    ArenaLayout best = null;
    long least = peak(buffers);
    for (Comparator<Integer> order : orders) {
      for (boolean bestFit : new boolean[] {false, true}) {
        ArenaLayout layout = place(buffers, IntStream.range(0, buffers.size()).boxed().sorted(order).toList(), bestFit);
        if (best == null || layout.bytes < best.bytes) best = layout;
      }
    }
    // Then orders drawn at random (from a fixed seed: the plan is the same at every compile),
    // until one meets the lower bound: on the generated Inception every sorted order left 5%
    // above it.
    Random random = new Random(buffers.size());
    List<Integer> shuffled = new ArrayList<>(IntStream.range(0, buffers.size()).boxed().toList());
    int attempts = (int) Math.min(RANDOM_ORDERS, RANDOM_WORK / Math.max(1L, (long) buffers.size() * buffers.size()));
    for (int attempt = 0; attempt < attempts && best.bytes > least; attempt++) {
      Collections.shuffle(shuffled, random);
      ArenaLayout layout = place(buffers, shuffled, attempt % 2 == 1);
      if (layout.bytes < best.bytes) best = layout;
    }
    return best;
  }

  /** The most aligned bytes alive at one position: the least any layout needs. */
  public static long peak(List<Lifetime> buffers) {
    long peak = 0;
    for (Lifetime at : buffers) {
      long live = 0;
      for (Lifetime b : buffers) if (b.start() <= at.start() && at.start() <= b.end()) live += b.aligned();
      peak = Math.max(peak, live);
    }
    return peak;
  }

  /**
   * Places the buffers in {@code order}: each at the lowest offset where it fits (first fit),
   * or in the smallest gap it fits (best fit, which leaves the large gaps for large buffers;
   * on the generated Inception first fit left 5% more than the peak in every order), else
   * above the buffers it meets.
   */
  private static ArenaLayout place(List<Lifetime> buffers, List<Integer> order, boolean bestFit) {
    int n = buffers.size();
    long[] size = new long[n];
    int[] start = new int[n];
    int[] end = new int[n];
    for (int i = 0; i < n; i++) {
      size[i] = buffers.get(i).aligned();
      start[i] = buffers.get(i).start();
      end[i] = buffers.get(i).end();
    }
    long[] offsets = new long[n];
    int[] placed = new int[n];
    int count = 0;
    // The buffers met, as (offset in cache lines) << 32 | index, sorted by offset: primitive
    // arrays, since this runs for every order tried (DenseNet-121: 0.4 s with streams).
    long[] meeting = new long[n];
    long bytes = 0;
    for (int i : order) {
      int m = 0;
      for (int q = 0; q < count; q++) {
        int p = placed[q];
        if (start[p] <= end[i] && start[i] <= end[p]) meeting[m++] = (offsets[p] / ALIGNMENT) << 32 | p;
      }
      Arrays.sort(meeting, 0, m);
      long at = 0;
      long chosen = -1;
      long chosenGap = Long.MAX_VALUE;
      for (int k = 0; k < m; k++) {
        int p = (int) meeting[k];
        long gap = offsets[p] - at;
        if (gap >= size[i] && gap < chosenGap) {
          chosen = at;
          chosenGap = gap;
          if (!bestFit) break;
        }
        at = Math.max(at, offsets[p] + size[p]);
      }
      offsets[i] = chosen >= 0 ? chosen : at;
      if (offsets[i] / ALIGNMENT >= 1L << 31) throw new IllegalArgumentException("an arena of more than 128 GiB");
      placed[count++] = i;
      bytes = Math.max(bytes, offsets[i] + size[i]);
    }
    return new ArenaLayout(offsets, bytes);
  }
}
