package dev.sol.pass;

import dev.sol.ir.*;
import dev.sol.ir.traits.IsolatedFromAbove;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Runs an {@link OpPassManager} on an operation with the {@link Instrumentation} asked for:
 * nested pipelines run on the ops directly inside their parent (in parallel for
 * isolated-from-above ops), the IR is verified after each pass, and IR dumps, timing and
 * statistics are produced as mlir-opt produces them.
 */
public final class PassRunner {
  private final IRContext context;
  private final Instrumentation instrumentation;
  private final Function<Operation, String> printer;
  private final PrintStream out;
  private final AtomicInteger passCounter = new AtomicInteger();
  private final TimingNode timingRoot = new TimingNode("Total", null);

  /**
   * @param printer prints an operation in the textual IR (used for dumps)
   * @param out where dumps, timing and statistics go (mlir-opt uses stderr)
   */
  public PassRunner(IRContext context, Instrumentation instrumentation, Function<Operation, String> printer, PrintStream out) {
    this.context = context;
    this.instrumentation = instrumentation;
    this.printer = printer;
    this.out = out;
  }

  /** Runs the pipeline on {@code root}; false when a pass failed or broke the IR. */
  public boolean run(OpPassManager pm, Operation root) {
    if (!pm.anchor().equals("any") && !pm.anchor().equals(root.name())) {
      return context.diagnostics().report(Diagnostic.error(root.location(), "can't run '" + pm.anchor()
          + "' pass manager on '" + root.name() + "' op"));
    }
    return runManager(pm, root, timingRoot);
  }

  /** Adds a top-level timing entry measured outside the pipeline (parsing, output). */
  public void recordTiming(String name, long nanos) {
    timingRoot.child(name).add(nanos);
  }

  private boolean runManager(OpPassManager pm, Operation op, TimingNode timing) {
    for (PipelineElement e : pm.elements()) {
      boolean ok = switch (e) {
        case PassRun run -> runPass(run, op, timing.child(run.name()));
        case OpPassManager nested -> runNested(nested, op, timing.child("'" + nested.anchor() + "' Pipeline"));
      };
      if (!ok) return false;
    }
    return true;
  }

  private boolean runNested(OpPassManager nested, Operation parent, TimingNode timing) {
    List<Operation> targets = new ArrayList<>();
    for (Region r : parent.regions()) {
      for (Block b : r.blocks()) {
        for (Operation op : b) if (nested.anchor().equals("any") || nested.anchor().equals(op.name())) targets.add(op);
      }
    }
    long t0 = System.nanoTime();
    boolean ok;
    boolean parallel = instrumentation.threading() && !instrumentation.printsAnything() && targets.size() > 1
        && targets.stream().allMatch(o -> o instanceof IsolatedFromAbove);
    if (parallel) {
      List<List<Diagnostic>> diagnostics = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) diagnostics.add(new ArrayList<>());
      boolean[] results = new boolean[targets.size()];
      IntStream.range(0, targets.size()).parallel().forEach(i ->
          results[i] = context.diagnostics().capture(diagnostics.get(i), () -> runManager(nested, targets.get(i), timing)));
      ok = true;
      for (int i = 0; i < targets.size(); i++) {
        context.diagnostics().replay(diagnostics.get(i));
        ok &= results[i];
      }
    } else {
      ok = true;
      for (Operation target : targets) {
        if (!runManager(nested, target, timing)) {
          ok = false;
          break;
        }
      }
    }
    timing.add(System.nanoTime() - t0);
    return ok;
  }

  private boolean runPass(PassRun run, Operation op, TimingNode timing) {
    String name = run.name();
    if (instrumentation.printsBefore(name)) dump("Before " + name, op);
    String before = instrumentation.printAfterChange() ? printer.apply(op) : null;
    int number = passCounter.getAndIncrement();
    long t0 = System.nanoTime();
    boolean ok;
    try {
      ok = run.pass().run(op, run.options(), new PassState(context, run.statistics()));
    } catch (RuntimeException e) {
      context.diagnostics().report(Diagnostic.error(op.location(), "pass '" + name + "' crashed: " + e));
      if (System.getenv("SOL_DEBUG") != null) e.printStackTrace();
      ok = false;
    }
    timing.add(System.nanoTime() - t0);
    if (!ok) {
      if (instrumentation.printAfterFailure()) dump("After " + name + " Failed", op);
      return false;
    }
    if (instrumentation.verifyEach() && !Verifier.verify(op, context)) {
      context.diagnostics().report(Diagnostic.error(op.location(), "the IR does not verify after pass '" + name + "'"));
      if (instrumentation.printAfterFailure()) dump("After " + name + " Failed", op);
      return false;
    }
    boolean show = instrumentation.printAfterAll() || instrumentation.printAfter().contains(name);
    if (instrumentation.printAfterChange() && !show) show = !before.equals(printer.apply(op));
    if (show) dump("After " + name, op);
    if (instrumentation.treeDir() != null) writeTree(number, name, op);
    return true;
  }

  private void dump(String what, Operation op) {
    String symbol = Symbols.nameOf(op);
    synchronized (out) {
      out.println("// -----// IR Dump " + what + " ('" + op.name() + "' operation"
          + (symbol == null ? "" : ": @" + symbol) + ") //----- //");
      out.println(printer.apply(op));
    }
  }

  private void writeTree(int number, String pass, Operation op) {
    List<String> parts = new ArrayList<>();
    for (Operation o = op; o != null; o = o.parentOp()) {
      String symbol = Symbols.nameOf(o);
      parts.addFirst(o.name().replace('.', '_') + "_" + (symbol == null ? "no-symbol-name" : symbol));
    }
    Path dir = instrumentation.treeDir();
    for (String p : parts) dir = dir.resolve(p);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(number + "_" + pass + ".mlir"), printer.apply(op) + "\n");
    } catch (IOException e) {
      context.diagnostics().report(Diagnostic.error(op.location(), "cannot write IR dump for pass '" + pass + "': " + e.getMessage()));
    }
  }

  // ---- reports

  /**
   * Nanoseconds each pass took so far, by name in order of first run, the runs of a pass
   * (nested pipelines, repeated names) added together; measured whether or not the timing
   * report is printed.
   */
  public Map<String, Long> passTimes() {
    Map<String, Long> times = new LinkedHashMap<>();
    collect(timingRoot, times);
    return times;
  }

  private static void collect(TimingNode node, Map<String, Long> times) {
    for (TimingNode c : node.children.values()) {
      if (c.name.startsWith("'")) collect(c, times);
      else times.merge(c.name, c.nanos, Long::sum);
    }
  }

  /** Prints the timing report, if asked for. */
  public void printTiming() {
    if (!instrumentation.timing()) return;
    long total = timingRoot.children.values().stream().filter(c -> !c.name.startsWith("'")).mapToLong(c -> c.nanos).sum()
        + timingRoot.children.values().stream().filter(c -> c.name.startsWith("'")).mapToLong(c -> c.nanos).sum();
    out.println("===" + "-".repeat(73) + "===");
    out.println("                         ... Execution time report ...");
    out.println("===" + "-".repeat(73) + "===");
    out.printf("  Total Execution Time: %.4f seconds%n%n", total / 1e9);
    out.println("  ----Wall Time----  ----Name----");
    for (TimingNode child : timingRoot.children.values()) child.print(out, total, 0);
    out.printf("  %8.4f (%5.1f%%)  Total%n", total / 1e9, 100.0);
  }

  /** Prints the statistics report, if asked for. */
  public void printStatistics(OpPassManager pm) {
    if (!instrumentation.statistics()) return;
    out.println("===" + "-".repeat(73) + "===");
    out.println("                         ... Pass statistics report ...");
    out.println("===" + "-".repeat(73) + "===");
    printStatistics(pm, 0);
  }

  private void printStatistics(OpPassManager pm, int indent) {
    for (PipelineElement e : pm.elements()) {
      switch (e) {
        case PassRun run -> {
          out.println("  ".repeat(indent) + run.name());
          for (PassState.Statistic s : run.statistics().values()) {
            out.println("  ".repeat(indent + 1) + "(S) " + s.value().get() + " " + s.name() + " - " + s.description());
          }
        }
        case OpPassManager nested -> {
          out.println("  ".repeat(indent) + "'" + nested.anchor() + "' Pipeline");
          printStatistics(nested, indent + 1);
        }
      }
    }
  }

  private static final class TimingNode {
    final String name;
    final Map<String, TimingNode> children = new LinkedHashMap<>();
    long nanos;

    TimingNode(String name, TimingNode parent) { this.name = name; }

    synchronized TimingNode child(String n) { return children.computeIfAbsent(n, k -> new TimingNode(k, this)); }

    synchronized void add(long n) { nanos += n; }

    void print(PrintStream out, long total, int depth) {
      out.printf("  %8.4f (%5.1f%%)  %s%s%n", nanos / 1e9, total == 0 ? 0.0 : 100.0 * nanos / total, "  ".repeat(depth), name);
      for (TimingNode c : children.values()) c.print(out, total, depth + 1);
    }
  }
}
