package dev.sol.tools;

import dev.sol.runtime.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * sol-run's {@code --profile} tables. The first has one row per kernel (nn op), slowest first,
 * with its calls, time, share of the run, GFLOP/s and fraction of the core's FMA peak ('-' for
 * kernels that only move data), then the sum over all kernels; the second sums the kernels of
 * each op, slowest first.
 */
final class ProfileTable {
  private ProfileTable() {}

  private static final String[] KERNELS = {"kernel", "op", "calls", "total ms", "ms/run", "% run", "GFLOP/s", "of peak"};
  private static final String[] OPS = {"op", "kernels", "total ms", "ms/run", "% run", "GFLOP/s", "of peak"};

  /** The tables for {@code p}, against a peak of {@code peakGflops} (0: unknown). */
  static String format(Profile p, double peakGflops) {
    List<Profile.Kernel> kernels = new ArrayList<>(p.kernels());
    kernels.sort(Comparator.comparingLong(Profile.Kernel::nanos).reversed());
    List<String[]> rows = new ArrayList<>();
    rows.add(KERNELS);
    Map<String, long[]> byOp = new LinkedHashMap<>();
    for (Profile.Kernel k : kernels) {
      long flops = k.flops() * k.calls();
      rows.add(join(new String[] {k.name(), k.op(), Long.toString(k.calls())}, times(k.nanos(), flops, p, peakGflops)));
      long[] sums = byOp.computeIfAbsent(k.op(), op -> new long[3]);
      sums[0]++;
      sums[1] += k.nanos();
      sums[2] += flops;
    }
    long nanos = byOp.values().stream().mapToLong(s -> s[1]).sum();
    long flops = byOp.values().stream().mapToLong(s -> s[2]).sum();
    rows.add(join(new String[] {"all kernels", "", Long.toString(p.runs())}, times(nanos, flops, p, peakGflops)));
    List<String[]> ops = new ArrayList<>();
    ops.add(OPS);
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(byOp.entrySet());
    sorted.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
    for (Map.Entry<String, long[]> e : sorted) {
      long[] s = e.getValue();
      ops.add(join(new String[] {e.getKey(), Long.toString(s[0])}, times(s[1], s[2], p, peakGflops)));
    }
    return layout(rows, 2) + "\n" + layout(ops, 1);
  }

  /** Total ms, ms per run, % of the run, GFLOP/s and fraction of the peak. */
  private static String[] times(long nanos, long flops, Profile p, double peakGflops) {
    double gflops = nanos == 0 ? 0 : (double) flops / nanos;
    boolean arithmetic = flops > 0 && nanos > 0;
    return new String[] {fixed(3, nanos / 1e6), p.runs() == 0 ? "-" : fixed(3, nanos / 1e6 / p.runs()),
        p.nanos() == 0 ? "-" : fixed(1, 100.0 * nanos / p.nanos()), arithmetic ? fixed(1, gflops) : "-",
        arithmetic && peakGflops > 0 ? fixed(2, gflops / peakGflops) : "-"};
  }

  private static String[] join(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** Columns as wide as their widest cell, the first {@code left} left-aligned (names), the others right-aligned (numbers). */
  private static String layout(List<String[]> rows, int left) {
    int[] width = new int[rows.getFirst().length];
    for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        String pad = " ".repeat(width[c] - r[c].length());
        line.append(c == 0 ? "" : "  ").append(c < left ? r[c] + pad : pad + r[c]);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String fixed(int decimals, double value) { return String.format(Locale.ROOT, "%." + decimals + "f", value); }
}
