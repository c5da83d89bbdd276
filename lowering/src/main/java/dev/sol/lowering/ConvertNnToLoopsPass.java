package dev.sol.lowering;

import dev.sol.dialect.memref.GetGlobalOp;
import dev.sol.dialect.memref.GlobalOp;
import dev.sol.dialect.nn.*;
import dev.sol.ir.*;
import dev.sol.lowering.nn2loops.*;
import dev.sol.pass.Option;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import dev.sol.pass.conversion.ConversionPattern;
import dev.sol.pass.conversion.ConversionTarget;
import dev.sol.pass.conversion.DialectConversion;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers every nn op (except nn.constant) to scf loops over buffers, one conversion pattern
 * per op or op family (package {@code nn2loops}): each result gets a {@code memref.alloc}
 * that the loops write, handed back to tensor code through {@code bufferization.to_tensor};
 * operands that are still tensors are read through {@code bufferization.to_memref}.
 * Buffers hold integers signless (a ui8 tensor is a memref of i8, reached through
 * {@code builtin.unrealized_conversion_cast}); each pattern takes the signedness from the nn
 * op's types. Function signatures and constants stay tensors: {@code bufferize} turns them into buffers,
 * places results in the caller's buffers, reuses dead buffers and frees the rest. On an op
 * without a lowering the IR is left as it was and the error names the op. With a vector width
 * (the options describe the target, see {@link TargetDescription}), f32 matrix products and
 * convolutions become register-tiled vector kernels; without one, scalar loops that LLVM
 * vectorizes.
 */
@PassInfo(name = "convert-nn-to-loops", summary = "Lower nn ops to scf loops on memrefs (bufferize finishes the job)",
    anchor = "builtin.module")
public final class ConvertNnToLoopsPass implements Pass<ConvertNnToLoopsPass.Options> {
  public record Options(
      @Option(help = "f32 lanes of a vector register (16 for AVX-512, 8 for AVX2, 4 for NEON); 0 keeps matrix products and convolutions scalar") int vectorWidth,
      @Option(help = "Vector registers of the target (0: 32 for 16 lanes, else 16)") int vectorRegisters,
      @Option(help = "L2 cache in bytes (0: 1 MiB)") long l2Cache,
      @Option(help = "L3 cache in bytes (0: 8 MiB)") long l3Cache,
      @Option(help = "Threads: with more than one, outer loops over independent outputs become scf.parallel") int threads,
      @Option(help = "Element operations a loop needs to become scf.parallel (0: 65536; 1: every loop that can)") long parallelWork,
      @Option(help = "Elements of a vector of a long-vector machine (256 for NEC's vector engine; 0: none): convolutions then sweep whole output planes") long vectorLength,
      @Option(help = "Let 3x3 stride-1 convolutions with constant weights go by Winograd's F(2x2,3x3) where it pays (false: all direct)") boolean winograd,
      @Option(help = "With winograd, take F(4x4,3x3) where it pays more: fewer multiplications, errors some 1e-5 of the output's scale") boolean winogradF4) {
    TargetDescription target() {
      return new TargetDescription(vectorWidth, vectorRegisters, l2Cache, l3Cache, threads, parallelWork, vectorLength, winograd, winogradF4);
    }
  }

  @Override public Options defaultOptions() { return new Options(0, 0, 0, 0, 1, 0, 0, true, false); }

  @Override public boolean run(Operation module, Options options, PassState state) {
    Buffers buffers = new Buffers(module, options.target());
    // Unregistered nn.* ops (--allow-unregistered-dialect) are left alone, as mlir-opt would.
    ConversionTarget target = new ConversionTarget()
        .addDynamicallyLegalDialect(NnDialect.NAMESPACE, op -> !(op instanceof NnOp || op instanceof FusedOp))
        .addLegalOp(ConstantOp.SPEC.name());
    if (!DialectConversion.applyPartialConversion(state.context(), module, target, patterns(buffers, options.target()))) return false;
    buffers.finish();
    state.statistic("num-tables", "Constant tables added as memref.global").add(buffers.tables());
    return true;
  }

  /** The lowering of every nn op but nn.constant. */
  static List<ConversionPattern> patterns(Buffers b, TargetDescription t) {
    // The activations whose formulas also take vectors: the epilogues of fused kernels.
    List<UnaryElementwiseLowering<?>> activations = List.of(new ReluLowering(b), new LeakyReluLowering(b), new ClipLowering(b),
        new HardSigmoidLowering(b), new HardSwishLowering(b), new SigmoidLowering(b), new TanhLowering(b), new GeluLowering(b));
    List<ConversionPattern> patterns = new ArrayList<>(activations);
    patterns.add(new FusedLowering(b, t, activations));
    patterns.addAll(List.of(
        new ExpLowering(b),
        new LogLowering(b), new SqrtLowering(b), new AbsLowering(b), new NegLowering(b), new CeilLowering(b),
        new FloorLowering(b), new ReciprocalLowering(b), new ErfLowering(b), new SinLowering(b), new CosLowering(b), new SignLowering(b),
        new RoundLowering(b),
        new SoftplusLowering(b), new IdentityLowering(b),
        new BroadcastBinaryLowering<>(AddOp.class, AddOp.SPEC, b, Loops::add),
        new BroadcastBinaryLowering<>(SubOp.class, SubOp.SPEC, b, Loops::sub),
        new BroadcastBinaryLowering<>(MulOp.class, MulOp.SPEC, b, Loops::mul),
        new BroadcastBinaryLowering<>(DivOp.class, DivOp.SPEC, b, Loops::div),
        new BroadcastBinaryLowering<>(MaxOp.class, MaxOp.SPEC, b, Loops::max),
        new BroadcastBinaryLowering<>(MinOp.class, MinOp.SPEC, b, Loops::min),
        new PowLowering(b), new ModLowering(b),
        new CompareLowering(b), new WhereLowering(b), new CastLowering(b), new ReshapeLowering(b), new TransposeLowering(b, t), new ConcatLowering(b),
        new SplitLowering(b), new SliceLowering(b), new PadLowering(b, t), new GatherLowering(b), new GatherElementsLowering(b), new ScatterNdLowering(b), new MatMulLowering(b, t),
        new GemmLowering(b, t), new ConvLowering(b, t), new ConvTransposeLowering(b, t),
        new PoolLowering<>(MaxPoolOp.class, MaxPoolOp.SPEC, b, t), new PoolLowering<>(AvgPoolOp.class, AvgPoolOp.SPEC, b, t),
        new BatchNormLowering(b), new LayerNormLowering(b, t), new LrnLowering(b), new ResizeLowering(b),
        new SoftmaxLowering<>(SoftmaxOp.class, SoftmaxOp.SPEC, b, t), new SoftmaxLowering<>(LogSoftmaxOp.class, LogSoftmaxOp.SPEC, b, t),
        new ReduceLowering<>(ReduceSumOp.class, ReduceSumOp.SPEC, b, t), new ReduceLowering<>(ReduceMeanOp.class, ReduceMeanOp.SPEC, b, t),
        new ReduceLowering<>(ReduceMaxOp.class, ReduceMaxOp.SPEC, b, t),
        new ArgReduceLowering<>(ArgMaxOp.class, ArgMaxOp.SPEC, b), new ArgReduceLowering<>(ArgMinOp.class, ArgMinOp.SPEC, b), new TopKLowering(b), new ReduceLowering<>(ReduceMinOp.class, ReduceMinOp.SPEC, b, t),
        new ReduceLowering<>(ReduceProdOp.class, ReduceProdOp.SPEC, b, t)));
    patterns.addAll(LogicalLowering.all(b));
    patterns.add(new NoLowering());
    return patterns;
  }

  /** A failure at an operation, reported as a diagnostic there. */
  public static final class LoweringException extends RuntimeException {
    final Operation at;

    LoweringException(Operation at, String message) {
      super(message);
      this.at = at;
    }
  }

  /** The buffer type of a statically shaped tensor value: its shape, and its element type with integers signless ({@link Loops#signless}). */
  public static MemRefType bufferType(Value v, Operation at) {
    if (!(v.type() instanceof RankedTensorType t)) throw new LoweringException(at, "expected a ranked tensor, got " + v.type());
    for (long d : t.shape()) {
      if (d == ShapedType.DYNAMIC) throw new LoweringException(at, "tensor " + t + " has a dynamic dimension; give static shapes (sol-import --shape) before lowering");
    }
    return new MemRefType(t.shape(), Loops.signless(t.element()));
  }

  /** The same elements, bit for bit, with integers signless: the initial value of a buffer. */
  public static DenseElementsAttr signless(DenseElementsAttr value) {
    ShapedType t = value.shapedType();
    Type element = Loops.signless(t.element());
    return element.equals(t.element()) ? value : DenseElementsAttr.fromRaw(new RankedTensorType(t.shape(), element), value.rawData().clone());
  }

  /**
   * A private constant memref.global holding {@code value}, placed before the function
   * {@code f}, and its memref.get_global at the builder. The global is made through a builder
   * that tells {@code b}'s listener, so that a conversion that fails removes it again. A
   * private constant global with the same elements is read instead of making another: an
   * unrolled LSTM's 32 steps each packed the same 256 KB of recurrent weights into a table of
   * their own, and every step read its copy from memory rather than one from the L2 cache.
   */
  public static Value global(IRContext ctx, Builder b, Operation f, DenseElementsAttr value, Location loc, int[] counter) {
    Operation module = f.parentOp();
    GlobalOp same = sameConstant(module, value);
    if (same != null) return GetGlobalOp.create(b, loc, same).result();
    String name;
    do {
      name = "__constant_" + counter[0]++;
    } while (Symbols.lookupIn(module, name) != null);
    Builder top = new Builder(ctx);
    top.setListener(b.listener());
    GlobalOp global = GlobalOp.privateConstant(top.before(f), loc, name, value, 64);
    return GetGlobalOp.create(b, loc, global).result();
  }

  /** A private constant global of {@code module} aligned to 64 bytes whose elements are {@code value}'s, or null. */
  private static GlobalOp sameConstant(Operation module, DenseElementsAttr value) {
    for (Operation op : module.region(0).entryBlock()) {
      // The hashes (cached, sampled) first: a network's tables are mostly of a few shapes.
      if (op instanceof GlobalOp g && g.isConstant() && "private".equals(g.visibility()) && g.alignment().orElse(0) == 64
          && g.initialValue() != null && g.initialValue().hashCode() == value.hashCode() && value.equals(g.initialValue())) {
        return g;
      }
    }
    return null;
  }
}
