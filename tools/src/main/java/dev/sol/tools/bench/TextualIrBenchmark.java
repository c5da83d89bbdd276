package dev.sol.tools.bench;

import dev.sol.dialect.Dialects;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.ir.Verifier;
import dev.sol.textir.AsmPrinter;
import dev.sol.textir.IRParser;
import dev.sol.textir.SourceBuffer;
import java.io.Writer;
import java.util.HexFormat;
import java.util.Random;

/**
 * Prints how fast a large generic-form file (many ops and big hex weights) parses,
 * verifies and prints, and how much heap that takes. Usage:
 * {@code bin/sol-bench-textual [MEGABYTES] [REPEATS]}.
 */
public final class TextualIrBenchmark {
  private TextualIrBenchmark() {}

  public static void main(String[] args) {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String text = generate(megabytes * 1_000_000L);
    System.out.printf("input: %.1f MB of generic-form IR%n", text.length() / 1e6);
    for (int r = 0; r < repeats; r++) {
      System.gc();
      long t0 = System.nanoTime();
      IRContext ctx = Dialects.newContext();
      Operation module = IRParser.parse(ctx, new SourceBuffer("bench.mlir", text));
      long t1 = System.nanoTime();
      boolean ok = Verifier.verify(module, ctx);
      long t2 = System.nanoTime();
      CountingWriter out = new CountingWriter();
      AsmPrinter.print(module, out, false);
      long t3 = System.nanoTime();
      Runtime rt = Runtime.getRuntime();
      System.out.printf("run %d: parse %.2f s (%.1f MB/s), verify %.2f s, print %.2f s (%.1f MB), heap in use %d MB%s%n", r + 1,
          (t1 - t0) / 1e9, text.length() / 1e6 / ((t1 - t0) / 1e9), (t2 - t1) / 1e9, (t3 - t2) / 1e9, out.count / 1e6,
          (rt.totalMemory() - rt.freeMemory()) >> 20, ok ? "" : " (VERIFY FAILED)");
    }
  }

  /** Half of the bytes are weights (memref.global with hex data), half are arith ops in functions. */
  static String generate(long bytes) {
    StringBuilder sb = new StringBuilder((int) (bytes + 1024));
    Random random = new Random(42);
    sb.append("\"builtin.module\"() ({\n");
    int global = 0;
    while (sb.length() < bytes / 2) {
      int n = 64 * 1024;
      byte[] data = new byte[n * 4];
      random.nextBytes(data);
      sb.append("  \"memref.global\"() {constant, initial_value = dense<\"0x").append(HexFormat.of().withUpperCase().formatHex(data))
          .append("\"> : tensor<").append(n).append("xf32>, sym_name = \"w").append(global++)
          .append("\", sym_visibility = \"private\", type = memref<").append(n).append("xf32>} : () -> ()\n");
    }
    int fn = 0;
    while (sb.length() < bytes) {
      sb.append("  \"func.func\"() ({\n  ^bb0(%arg0: f32, %arg1: f32):\n");
      String prev = "%arg0";
      for (int i = 0; i < 1000; i++) {
        sb.append("    %").append(i).append(" = \"arith.").append(i % 2 == 0 ? "addf" : "mulf").append("\"(").append(prev)
            .append(", %arg1) : (f32, f32) -> f32\n");
        prev = "%" + i;
      }
      sb.append("    \"func.return\"(").append(prev).append(") : (f32) -> ()\n  }) {function_type = (f32, f32) -> f32, sym_name = \"f")
          .append(fn++).append("\"} : () -> ()\n");
    }
    return sb.append("}) : () -> ()\n").toString();
  }

  private static final class CountingWriter extends Writer {
    long count;

    @Override public void write(char[] buf, int off, int len) { count += len; }
    @Override public Writer append(CharSequence csq) {
      count += csq.length();
      return this;
    }
    @Override public void flush() {}
    @Override public void close() {}
  }
}
