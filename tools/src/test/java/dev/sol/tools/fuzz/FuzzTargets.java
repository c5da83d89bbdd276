package dev.sol.tools.fuzz;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.ImportException;
import dev.sol.frontend.onnx.OnnxImporter;
import dev.sol.ir.*;
import dev.sol.lowering.LoweringPasses;
import dev.sol.pass.Instrumentation;
import dev.sol.pass.OpPassManager;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassRunner;
import dev.sol.pass.PipelineParser;
import dev.sol.runtime.EquivalenceChecker;
import dev.sol.runtime.Interpreter;
import dev.sol.runtime.OutOfBoundsAccessException;
import dev.sol.textir.IRParser;
import dev.sol.textir.AsmPrinter;
import dev.sol.textir.ParseException;
import dev.sol.textir.SourceBuffer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * What a fuzz input goes through: parsing (textual IR) or import (ONNX), verification, printing
 * and parsing back, the {@code sol-cpu} lowering, and the interpreter before and after lowering
 * on seeded inputs, whose results must agree. Every mistake in the input must end in one of the
 * errors a user sees ({@link ParseException}, {@link ImportException}, failed verification or
 * lowering as diagnostics, the interpreter's errors on bad values); anything else is a finding.
 */
final class FuzzTargets {
  /** Interpreting is skipped for modules with more elements than this in one type: a fuzz run must stay quick and small. */
  private static final long MAX_INTERPRETED_ELEMENTS = 1 << 16;

  /** The lowered module is interpreted only when its loops run at most this many operations. */
  private static final double MAX_LOWERED_WORK = 4e6;

  /** The lowered module is interpreted only when the nn module took less than this. */
  private static final long MAX_REFERENCE_NANOS = 200_000_000L;

  private final PassRegistry registry = PassRegistry.loadAll();

  /** Thrown for what the fuzzer counts as a bug: the message says which stage misbehaved. */
  static final class Finding extends RuntimeException {
    Finding(String message, Throwable cause) { super(message, cause); }
  }

  /** Textual IR, as sol-opt and sol-run read it. */
  void text(byte[] bytes) {
    IRContext ctx = Dialects.newContextWithNn();
    ctx.diagnostics().pushHandler(d -> {});
    Operation module;
    try {
      module = IRParser.parse(ctx, SourceBuffer.decode("fuzz.mlir", bytes));
    } catch (ParseException expected) {
      return;
    }
    afterLoading(ctx, module, true);
  }

  /** An ONNX model, as sol-import and sol-run read it. */
  void onnx(byte[] bytes) {
    IRContext ctx = Dialects.newContextWithNn();
    ctx.diagnostics().pushHandler(d -> {});
    Operation module;
    try {
      module = OnnxImporter.importModel(ctx, bytes, "fuzz.onnx", Map.of());
    } catch (ImportException expected) {
      return;
    }
    afterLoading(ctx, module, false);
  }

  private void afterLoading(IRContext ctx, Operation module, boolean parsed) {
    if (!Verifier.verify(module, ctx)) return;
    String printed = stage("printing", () -> AsmPrinter.toString(module, false));
    if (!parsed || printed.length() < 1 << 20) {
      IRContext again = Dialects.newContextWithNn();
      again.diagnostics().pushHandler(d -> {});
      stage("parsing the printed module back", () -> {
        if (!Verifier.verify(IRParser.parse(again, SourceBuffer.decode("printed.mlir", printed.getBytes(java.nio.charset.StandardCharsets.UTF_8))), again)) {
          throw new IllegalStateException("the printed module does not verify");
        }
        return null;
      });
    }
    boolean small = small(module);
    EquivalenceChecker inputs = small ? stage("preparing inputs", () -> new EquivalenceChecker(module, 7)) : null;
    long start = System.nanoTime();
    Map<String, List<Tensor>> before = small ? interpret(inputs, module, "interpreting") : null;
    // Interpreted loops run far slower than nn's kernels: big windows (legal, and quick when
    // compiled) would take minutes, so only modules that interpret quickly are compared.
    if (System.nanoTime() - start > MAX_REFERENCE_NANOS) before = null;
    boolean comparable = !convertsFloatsToIntegers(module);
    boolean lowered = stage("lowering", () -> {
      OpPassManager pm = PipelineParser.parse(registry, LoweringPasses.CPU_PIPELINE);
      return new PassRunner(ctx, Instrumentation.defaults(), op -> "", new PrintStream(OutputStream.nullOutputStream())).run(pm, module);
    });
    if (!lowered || before == null || work(module) > MAX_LOWERED_WORK) return;
    Map<String, List<Tensor>> after = interpret(inputs, module, "interpreting the lowered module");
    if (after == null) throw new Finding("the lowered module fails where the nn module ran", null);
    String difference = EquivalenceChecker.difference(before, after);
    // Results that inputs a few roundings apart already move past the tolerance are too
    // ill-conditioned to judge the lowering by (a mutated MeanVarianceNormalization dividing
    // by std + x, near zero for some elements).
    if (difference != null && comparable && !illConditioned(inputs, before, printed)) {
      throw new Finding("lowering changed the results: " + difference, null);
    }
  }

  /**
   * Whether the nn module ({@code printed}, before lowering) already gives results past the
   * tolerance of {@code before} for inputs a few roundings away ({@link EquivalenceChecker#nudged}).
   */
  private static boolean illConditioned(EquivalenceChecker inputs, Map<String, List<Tensor>> before, String printed) {
    IRContext ctx = Dialects.newContextWithNn();
    ctx.diagnostics().pushHandler(d -> {});
    Operation again = IRParser.parse(ctx, SourceBuffer.decode("printed.mlir", printed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    Map<String, List<Tensor>> nudged = interpret(inputs.nudged(), again, "interpreting nudged inputs");
    return nudged != null && EquivalenceChecker.difference(before, nudged) != null;
  }

  /** The results, or null when the interpreter refused the values (a user-facing error). */
  private static Map<String, List<Tensor>> interpret(EquivalenceChecker inputs, Operation module, String what) {
    try {
      return inputs.evaluate(module);
    } catch (Interpreter.InterpreterException | OutOfBoundsAccessException | IllegalArgumentException refused) {
      return null;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw new Finding(what + " threw " + e, e);
    }
  }

  /** Roughly how many operations interpreting {@code op} runs: loops with constant bounds multiply their bodies. */
  private static double work(Operation op) {
    double inner = 0;
    for (Region r : op.regions()) for (Block b : r.blocks()) for (Operation o : b) inner += work(o);
    if (op instanceof dev.sol.dialect.scf.ForOp f) {
      Long lb = constant(f.lowerBound());
      Long ub = constant(f.upperBound());
      Long step = constant(f.step());
      double trips = lb == null || ub == null || step == null || step <= 0 ? 1e9 : Math.max(0, Math.ceilDiv(ub - lb, step));
      return 1 + trips * inner;
    }
    return 1 + inner;
  }

  private static Long constant(Value v) {
    return v.definingOp() instanceof dev.sol.dialect.arith.ConstantOp c && c.value() instanceof IntegerAttr i ? i.value() : null;
  }

  /**
   * Whether the module converts floats to integers (casts, powers of integers by floats): a
   * float outside the integer's range has no defined result, in ONNX as in LLVM.
   */
  private static boolean convertsFloatsToIntegers(Operation module) {
    boolean[] found = {false};
    module.walk(op -> {
      if (op.name().equals("nn.cast") || op.name().equals("nn.pow")) {
        boolean floatIn = op.operands().stream().anyMatch(v -> v.type() instanceof ShapedType s && s.element() instanceof FloatType);
        found[0] |= floatIn && op.result(0).type() instanceof ShapedType r && r.element() instanceof IntegerType;
      }
    });
    return found[0];
  }

  /**
   * Whether the module is nn-level code whose every shaped type is small enough to interpret:
   * loops written by hand may legitimately run for ages, the lowering's are bounded by the shapes.
   */
  private static boolean small(Operation module) {
    boolean[] ok = {true};
    module.walk(op -> {
      ok[0] &= op.name().startsWith("nn.") || op.name().startsWith("func.") || op.name().startsWith("builtin.");
      for (Value v : op.results()) ok[0] &= fits(v.type());
      for (Region r : op.regions()) for (Block b : r.blocks()) for (BlockArgument a : b.arguments()) ok[0] &= fits(a.type());
    });
    return ok[0];
  }

  private static boolean fits(Type t) {
    if (!(t instanceof ShapedType s) || !s.hasRank()) return true;
    return ShapedType.shapeProblem(s.shape()) == null && s.hasStaticShape() && s.numElements() <= MAX_INTERPRETED_ELEMENTS;
  }

  private interface Stage<T> {
    T run() throws Exception;
  }

  private static <T> T stage(String what, Stage<T> body) {
    try {
      return body.run();
    } catch (Finding f) {
      throw f;
    } catch (Exception | StackOverflowError | OutOfMemoryError e) {
      throw new Finding(what + " threw " + e, e);
    }
  }
}
