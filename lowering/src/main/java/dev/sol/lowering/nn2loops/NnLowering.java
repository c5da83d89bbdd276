package dev.sol.lowering.nn2loops;

import dev.sol.dialect.nn.Integers;
import dev.sol.dialect.nn.NnOp;
import dev.sol.ir.*;
import dev.sol.lowering.ConvertNnToLoopsPass;
import dev.sol.lowering.Loops;
import dev.sol.pass.conversion.ConversionRewriter;
import dev.sol.pass.conversion.OpConversionPattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the convert-nn-to-loops patterns: reads the operands' buffers and allocates one
 * buffer per result (through {@link Buffers}), lets the subclass write the loop nest, then
 * replaces the op with its results handed back as tensors. Each op becomes plain scf.for
 * loops over memref.load/store with arith and math on scalars; LLVM's O3 pipeline
 * vectorizes the innermost loops where it can. Integer arithmetic is unsigned when the op's
 * first result holds unsigned integers ({@link Loops}). An op or element type without a
 * lowering fails the pattern with its reason, which the conversion reports at the op.
 */
public abstract class NnLowering<T extends NnOp> extends OpConversionPattern<T> {
  private final Buffers buffers;

  protected NnLowering(Class<T> type, OpSpec spec, Buffers buffers) {
    super(type, spec, null);
    this.buffers = buffers;
  }

  /** Writes the loops that compute {@code op}: they read the buffers {@code in} and write the buffers {@code out}. */
  protected abstract void lower(T op, Loops l, List<Value> in, List<Value> out);

  protected final Buffers buffers() { return buffers; }

  @Override public final boolean convert(T op, List<Value> adaptor, ConversionRewriter rewriter) {
    Loops l = buffers.loops(rewriter, op.location(), Integers.isUnsigned(((ShapedType) op.result(0).type()).element()));
    try {
      List<Value> in = new ArrayList<>();
      for (Value v : adaptor) in.add(buffers.read(l, v, op));
      List<Value> out = new ArrayList<>();
      for (OpResult r : op.results()) out.add(buffers.output(l, op, r));
      // Results with no elements (a batch of 0) have nothing to compute, and the kernels'
      // tilings assume at least one row and column.
      if (!noElements(op)) lower(op, l, in, out);
      List<Value> tensors = new ArrayList<>();
      for (int i = 0; i < out.size(); i++) tensors.add(buffers.written(l, op.result(i).type(), out.get(i)));
      rewriter.replaceOp(op, tensors);
      return true;
    } catch (Unsupported | ConvertNnToLoopsPass.LoweringException e) {
      return rewriter.notifyMatchFailure(op, e.getMessage());
    }
  }

  /** Whether every result of {@code op} has no elements. */
  static boolean noElements(Operation op) {
    for (OpResult r : op.results()) {
      if (!(r.type() instanceof ShapedType t) || t.numElements() != 0) return false;
    }
    return true;
  }

  // ---- helpers shared by the patterns

  /**
   * The type in which values of {@code t} are summed: f32 for floats narrower than f32 (f16,
   * bf16), else {@code t}. A sum kept in f16 stops growing once it is some 2048 times its terms
   * (a mean of 65536 f16 values came out 0); summed in f32 and rounded once, the result is
   * the interpreter's (which sums in double) to f16's precision.
   */
  protected static Type accumulator(Type t) { return t instanceof FloatType f && f.width() < 32 ? FloatType.F32 : t; }

  /** {@code v} as type {@code to}: extended where {@code to} is the wider float, as it is otherwise. */
  protected static Value widened(Loops l, Value v, Type to) { return v.type().equals(to) ? v : l.extf(v, to); }

  /** {@code v} rounded to type {@code to} where it is the wider float, as it is otherwise. */
  protected static Value narrowed(Loops l, Value v, Type to) { return v.type().equals(to) ? v : l.truncf(v, to); }

  protected static MemRefType type(Value v) { return (MemRefType) v.type(); }

  protected static long[] shape(Value v) { return type(v).shape(); }

  protected static Type element(Value v) { return type(v).element(); }

  /** Fails the pattern unless the op's first operand holds floats. */
  protected static void requireFloat(NnOp op) {
    Type t = op.operandType(0).element();
    if (!(t instanceof FloatType)) throw new Unsupported(op.name() + " on " + t + " elements has no lowering yet (floats only)");
  }

  /** The element type of the op's operand {@code i}, with its signedness (buffers hold integers signless). */
  protected static Type nnElement(NnOp op, int i) { return op.operandType(i).element(); }

  /** The induction variables with the one of {@code axis} replaced by {@code k}. */
  protected static List<Value> at(List<Value> iv, int axis, Value k) {
    List<Value> idx = new ArrayList<>(iv);
    idx.set(axis, k);
    return idx;
  }

  /** The indices of an input broadcast (numpy rules) to the output's induction variables. */
  protected static List<Value> broadcastIndices(Loops l, Value input, List<Value> ivs, long[] outShape) {
    long[] s = shape(input);
    int off = outShape.length - s.length;
    List<Value> idx = new ArrayList<>();
    for (int d = 0; d < s.length; d++) idx.add(s[d] == 1 && outShape[d + off] != 1 ? l.index(0) : ivs.get(d + off));
    return idx;
  }

  /** The product of sizes: the elements of a shape, the iterations of a nest. */
  protected static long product(long[] sizes) {
    long p = 1;
    for (long n : sizes) p *= n;
    return p;
  }

  /** Copies a buffer into another of the same shape. */
  protected static void copy(Loops l, Value from, Value to) {
    l.parallelForEach(shape(to), 1, iv -> l.store(l.load(from, iv), to, iv));
  }
}
