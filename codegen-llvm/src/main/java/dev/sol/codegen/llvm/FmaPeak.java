package dev.sol.codegen.llvm;

import dev.sol.dialect.Dialects;
import dev.sol.dialect.arith.AddFOp;
import dev.sol.dialect.arith.ConstantOp;
import dev.sol.dialect.builtin.ModuleOp;
import dev.sol.dialect.func.FuncOp;
import dev.sol.dialect.func.ReturnOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.vector.BroadcastOp;
import dev.sol.dialect.vector.FMAOp;
import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.ir.*;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * This core's f32 FMA peak, measured in the process that measures the kernels: a loop of
 * {@code vector.fma} on registers only, with enough independent accumulators (three quarters
 * of the vector registers: 24 on AVX-512) to cover the FMA latency on every pipe, built as IR,
 * compiled by SOL's LLVM code generation and timed. The best of a few runs is the peak.
 * {@code sol-bench} and {@code sol-run --profile} compare kernels against it.
 */
public final class FmaPeak {
  private FmaPeak() {}

  /** Vector width in f32 lanes, independent accumulators, and the measured GFLOP/s. */
  public record Result(int lanes, int accumulators, double gflops) {}

  public static Result measure() {
    Targets.VectorUnit unit = Targets.hostVectorUnit();
    int lanes = unit.lanes(32);
    int accumulators = unit.registers() - unit.registers() / 4;
    Operation module = loop(lanes, accumulators);
    try (JitModule jit = new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "peak"));
         Arena arena = Arena.ofConfined()) {
      MethodHandle f = jit.function("fma_peak", FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
      MemorySegment buf = arena.allocate(4L * lanes, 64);
      for (int i = 0; i < lanes; i++) buf.setAtIndex(ValueLayout.JAVA_FLOAT, i, 0.5f);
      long iterations = 1 << 16;
      double best = 0;
      for (int run = 0; run < 12; run++) {
        long t0 = System.nanoTime();
        call(f, iterations, buf);
        double seconds = (System.nanoTime() - t0) / 1e9;
        best = Math.max(best, 2.0 * lanes * accumulators * iterations / seconds / 1e9);
        // Grow the loop until one run takes about 50 ms, then keep it.
        if (seconds < 0.05) iterations *= 2;
      }
      return new Result(lanes, accumulators, best);
    }
  }

  private static void call(MethodHandle f, long iterations, MemorySegment buf) {
    try {
      f.invoke(iterations, buf);
    } catch (Throwable e) {
      throw new IllegalStateException("calling the compiled FMA loop failed", e);
    }
  }

  /**
   * {@code fma_peak(n, buf)}: {@code accumulators} vectors each updated n times by
   * {@code acc = x * y + acc}, with x read from buf (so that nothing is known at compile time),
   * then summed and stored back into buf so that the loop is not dead.
   */
  private static Operation loop(int lanes, int accumulators) {
    IRContext ctx = Dialects.newContext();
    Location loc = UnknownLoc.INSTANCE;
    ModuleOp module = ModuleOp.create(ctx, loc);
    Builder b = new Builder(ctx).atEnd(module.body());
    VectorType vt = new VectorType(new long[] {lanes}, FloatType.F32);
    MemRefType bufType = new MemRefType(new long[] {lanes}, FloatType.F32);
    FuncOp f = FuncOp.create(b, loc, "fma_peak", new FunctionType(List.of(IndexType.INSTANCE, bufType), List.of()));
    b.atEnd(f.body());
    Value n = f.body().argument(0);
    Value buf = f.body().argument(1);
    Value zero = ConstantOp.index(b, loc, 0).result();
    Value x = LoadOp.create(b, loc, vt, buf, List.of(zero)).result();
    Value y = BroadcastOp.create(b, loc, vt, ConstantOp.floating(b, loc, 1e-3, FloatType.F32).result()).result();
    List<Value> inits = new ArrayList<>();
    for (int i = 0; i < accumulators; i++) {
      inits.add(BroadcastOp.create(b, loc, vt, ConstantOp.floating(b, loc, i, FloatType.F32).result()).result());
    }
    ForOp loop = ForOp.create(b, loc, zero, n, ConstantOp.index(b, loc, 1).result(), inits, (in, iv, acc) -> {
      List<Value> next = new ArrayList<>();
      for (Value a : acc) next.add(FMAOp.create(in, loc, x, y, a).result());
      return next;
    });
    Value sum = loop.result(0);
    for (int i = 1; i < accumulators; i++) sum = AddFOp.create(b, loc, sum, loop.result(i)).result();
    StoreOp.create(b, loc, sum, buf, List.of(zero));
    ReturnOp.create(b, loc, List.of());
    return module;
  }
}
