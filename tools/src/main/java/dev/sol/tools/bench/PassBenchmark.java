package dev.sol.tools.bench;

import dev.sol.dialect.Dialects;
import dev.sol.ir.IRContext;
import dev.sol.ir.Operation;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineParser;
import dev.sol.textir.AsmPrinter;
import dev.sol.textir.IRParser;
import dev.sol.textir.SourceBuffer;

/**
 * Prints how long {@code canonicalize,cse} takes on a module of many arith ops (default
 * 200,000): chains with foldable identities, duplicates and dead values. Usage:
 * {@code bin/sol-bench-passes [OPS] [REPEATS]}.
 */
public final class PassBenchmark {
  private PassBenchmark() {}

  public static void main(String[] args) {
    int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String text = generate(ops);
    PassRegistry registry = PassRegistry.loadAll();
    System.out.printf("input: %d arith ops in %d functions, %.1f MB%n", ops, (ops + 1999) / 2000, text.length() / 1e6);
    for (int r = 0; r < repeats; r++) {
      IRContext ctx = Dialects.newContext();
      long t0 = System.nanoTime();
      Operation module = IRParser.parse(ctx, new SourceBuffer("bench.mlir", text));
      long t1 = System.nanoTime();
      PassRunner runner = new PassRunner(ctx, Instrumentation.defaults(), op -> "", System.err);
      boolean ok = runner.run(PipelineParser.parse(registry, "builtin.module(canonicalize,cse)"), module);
      long t2 = System.nanoTime();
      int[] left = {0};
      module.walk(op -> {
        if (op.dialectNamespace().equals("arith")) left[0]++;
      });
      System.out.printf("run %d: parse %.2f s, canonicalize+cse (with verification) %.2f s, %d arith ops left%s%n", r + 1,
          (t1 - t0) / 1e9, (t2 - t1) / 1e9, left[0], ok ? "" : " (FAILED)");
      if (r == repeats - 1) AsmPrinter.toString(module, false);
    }
  }

  static String generate(int ops) {
    StringBuilder sb = new StringBuilder("\"builtin.module\"() ({\n");
    for (int f = 0; f * 2000 < ops; f++) {
      sb.append("  \"func.func\"() ({\n  ^bb0(%arg0: i32, %arg1: i32):\n")
          .append("    %c0 = \"arith.constant\"() {value = 0 : i32} : () -> i32\n")
          .append("    %c1 = \"arith.constant\"() {value = 1 : i32} : () -> i32\n");
      String prev = "%arg0";
      int n = Math.min(2000, ops - f * 2000);
      for (int i = 0; i < n; i++) {
        String rhs = switch (i % 4) {
          case 1 -> "\"arith.muli\"(" + prev + ", %c1)";
          case 2 -> "\"arith.addi\"(" + prev + ", %c0)";
          default -> "\"arith.addi\"(" + prev + ", %arg1)";
        };
        sb.append("    %v").append(i).append(" = ").append(rhs).append(" : (i32, i32) -> i32\n");
        if (i % 4 == 3) sb.append("    %dup").append(i).append(" = \"arith.addi\"(").append(prev).append(", %arg1) : (i32, i32) -> i32\n");
        prev = "%v" + i;
      }
      sb.append("    \"func.return\"(").append(prev).append(") : (i32) -> ()\n  }) {function_type = (i32, i32) -> i32, sym_name = \"f")
          .append(f).append("\"} : () -> ()\n");
    }
    return sb.append("}) : () -> ()\n").toString();
  }
}
