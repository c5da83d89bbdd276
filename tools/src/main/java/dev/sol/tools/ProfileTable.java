package dev.sol.tools;

import dev.sol.runtime.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * sol-run's {@code --profile} table: one row per kernel (nn op), slowest first, with its calls,
 * time, share of the run, GFLOP/s and fraction of the core's FMA peak ('-' for kernels that only
 * move data), then the sum over all kernels.
 */
final class ProfileTable {
  private ProfileTable() {}

  private static final String[] HEADER = {"kernel", "op", "calls", "total ms", "ms/run", "% run", "GFLOP/s", "of peak"};

  /** The table for {@code p}, against a peak of {@code peakGflops} (0: unknown). */
  static String format(Profile p, double peakGflops) {
    List<Profile.Kernel> kernels = new ArrayList<>(p.kernels());
    kernels.sort(Comparator.comparingLong(Profile.Kernel::nanos).reversed());
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    long flops = 0;
    long nanos = 0;
    for (Profile.Kernel k : kernels) {
      rows.add(row(k.name(), k.op(), Long.toString(k.calls()), k.nanos(), k.flops() * k.calls(), p, peakGflops));
      flops += k.flops() * k.calls();
      nanos += k.nanos();
    }
    rows.add(row("all kernels", "", Long.toString(p.runs()), nanos, flops, p, peakGflops));
    int[] width = new int[HEADER.length];
    for (String[] r : rows) for (int c = 0; c < r.length; c++) width[c] = Math.max(width[c], r[c].length());
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < r.length; c++) {
        // Names left-aligned, numbers right-aligned.
        String cell = c < 2 ? r[c] + " ".repeat(width[c] - r[c].length()) : " ".repeat(width[c] - r[c].length()) + r[c];
        line.append(c == 0 ? "" : "  ").append(cell);
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }

  private static String[] row(String name, String op, String calls, long nanos, long flops, Profile p, double peakGflops) {
    double gflops = nanos == 0 ? 0 : (double) flops / nanos;
    boolean arithmetic = flops > 0 && nanos > 0;
    return new String[] {name, op, calls, fixed(3, nanos / 1e6), p.runs() == 0 ? "-" : fixed(3, nanos / 1e6 / p.runs()),
        p.nanos() == 0 ? "-" : fixed(1, 100.0 * nanos / p.nanos()), arithmetic ? fixed(1, gflops) : "-",
        arithmetic && peakGflops > 0 ? fixed(2, gflops / peakGflops) : "-"};
  }

  private static String fixed(int decimals, double value) { return String.format(Locale.ROOT, "%." + decimals + "f", value); }
}
