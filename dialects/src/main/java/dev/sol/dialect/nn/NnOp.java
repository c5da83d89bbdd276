package dev.sol.dialect.nn;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of the nn dialect's operations: tensor semantics with static shapes. Each op infers
 * its result types from its operands and attributes (the verifier checks the declared types
 * against them) and computes its results on constant tensors, which serves both folding
 * (shape computations become constants) and the reference interpreter.
 */
public abstract class NnOp extends Operation implements Foldable {
  /** Canonicalization folds no op with more result elements than this, to keep big computations out of the IR. */
  private static final long FOLD_LIMIT = 1 << 20;

  /**
   * The most elements, operands and results together, that any folding evaluates (the ONNX
   * import, {@code nn-fold-constants}, canonicalization). The kernels hold elements as 8-byte
   * Java values, so one fold needs at most 128 MiB of heap; bigger ops stay unfolded and run
   * with the model.
   */
  public static final long MAX_FOLD_ELEMENTS = 1 << 24;

  /** The most results an nn op may have (Split's outputs): each becomes a buffer and loops, so more only burn time. */
  public static final int MAX_RESULTS = 4096;

  protected NnOp(OperationState state, OpSpec spec) { super(state, spec); }

  /** The result types implied by the operand types and attributes; throws {@link ShapeError}. */
  public abstract List<Type> inferResultTypes();

  /** Computes the results from operand values (the reference semantics). */
  public abstract List<Tensor> evaluate(List<Tensor> inputs);

  // ---- attribute access, for the typed accessors of the ops (each holds its attribute's default)

  protected long longAttr(String name, long fallback) {
    return attribute(name) instanceof IntegerAttr i ? i.value() : fallback;
  }

  protected double floatAttr(String name, double fallback) {
    return switch (attribute(name)) {
      case FloatAttr f -> f.value();
      case IntegerAttr i -> i.value();
      case null, default -> fallback;
    };
  }

  protected String stringAttr(String name, String fallback) {
    return attribute(name) instanceof StringAttr s ? s.value() : fallback;
  }

  /** An integer list attribute ({@code array<i64: ...>} or {@code [1, 2]}), or null when absent. */
  protected long[] intsAttr(String name) {
    return switch (attribute(name)) {
      case DenseArrayAttr d when d.ints() != null -> d.ints().clone();
      case ArrayAttr a -> a.elements().stream().mapToLong(e -> ((IntegerAttr) e).value()).toArray();
      case null, default -> null;
    };
  }

  public RankedTensorType operandType(int i) {
    if (!(operand(i).type() instanceof RankedTensorType t)) throw new ShapeError("operand #" + i + " must be a ranked tensor, got '" + operand(i).type() + "'");
    return t;
  }

  // ---- verification and folding

  @Override public boolean verify(Diagnostics diag) {
    for (int i = 0; i < numOperands(); i++) {
      if (!(operand(i).type() instanceof RankedTensorType t) || !t.hasStaticShape()) {
        return diag.report(opError("operand #" + i + " must be a statically shaped tensor, got '" + operand(i).type() + "'"));
      }
    }
    for (int i = 0; i < numOperands() + numResults(); i++) {
      Type t = i < numOperands() ? operand(i).type() : result(i - numOperands()).type();
      if (t instanceof ShapedType st && !(st.element() instanceof FloatType || st.element() instanceof IntegerType)) {
        String what = i < numOperands() ? "operand #" + i : "result #" + (i - numOperands());
        return diag.report(opError(what + " has " + st.element() + " elements; nn tensors hold floats or integers"));
      }
    }
    if (numResults() > MAX_RESULTS) {
      return diag.report(opError("has " + numResults() + " results, more than SOL's limit of " + MAX_RESULTS));
    }
    List<Type> inferred;
    try {
      inferred = inferResultTypes();
    } catch (ShapeError e) {
      return diag.report(opError(e.getMessage()));
    } catch (ArithmeticException e) {
      return diag.report(opError("the result shape overflows 64-bit arithmetic (" + e.getMessage() + ")"));
    }
    if (inferred.size() != numResults()) {
      return diag.report(opError("expected " + inferred.size() + " results, but found " + numResults()));
    }
    // Caught here for every op at once: shape formulas fed absurd attributes (pads beyond the
    // input, a reshape to [2^62 + 1, 4]) give negative or wrapped-around dimensions.
    for (int i = 0; i < inferred.size(); i++) {
      // Inferred shapes are static: a dimension that came out as the dynamic marker (Long.MIN_VALUE) is a negative one.
      String problem = !(inferred.get(i) instanceof ShapedType st) || !st.hasRank() ? null
          : st.hasStaticShape() ? ShapedType.shapeProblem(st.shape()) : "has a negative dimension (" + ShapedType.DYNAMIC + ")";
      if (problem != null) {
        return diag.report(opError("result #" + i + " would have shape " + ShapedType.describe(((ShapedType) inferred.get(i)).shape())
            + ", which " + problem));
      }
    }
    for (int i = 0; i < numResults(); i++) {
      if (!inferred.get(i).equals(result(i).type())) {
        return diag.report(opError("result #" + i + " type '" + result(i).type() + "' does not match the inferred type '"
            + inferred.get(i) + "'"));
      }
    }
    return true;
  }

  /** Whether folding this op stays within {@link #MAX_FOLD_ELEMENTS}; false when a type is not a static tensor. */
  public final boolean withinFoldLimit() {
    long total = 0;
    for (int i = 0; i < numOperands() + numResults(); i++) {
      Type t = i < numOperands() ? operand(i).type() : result(i - numOperands()).type();
      if (!(t instanceof RankedTensorType r) || !r.hasStaticShape() || ShapedType.shapeProblem(r.shape()) != null) return false;
      total += r.numElements();
      if (total > MAX_FOLD_ELEMENTS) return false;
    }
    return true;
  }

  @Override public List<Object> fold(List<Attribute> constants) {
    if (!withinFoldLimit()) return null;
    List<Tensor> inputs = new ArrayList<>();
    for (Attribute a : constants) {
      if (!(a instanceof DenseElementsAttr d)) return null;
      inputs.add(Tensor.fromAttribute(d));
    }
    for (OpResult r : results()) {
      if (!(r.type() instanceof RankedTensorType t) || !t.hasStaticShape() || t.numElements() > FOLD_LIMIT) return null;
    }
    List<Tensor> out;
    try {
      out = evaluate(inputs);
    } catch (ShapeError | IllegalArgumentException | ArithmeticException e) {
      return null;
    }
    List<Object> attrs = new ArrayList<>();
    for (Tensor t : out) attrs.add(t.toAttribute());
    return attrs;
  }

  /** Operands {@code from} to {@code to - 1} must have operand {@code from}'s element type (ONNX's type constraint T). */
  protected final void sameElementTypes(int from, int to) {
    Type e = operandType(from).element();
    for (int i = from + 1; i < to; i++) {
      Type other = operandType(i).element();
      if (!other.equals(e)) throw new ShapeError("operand #" + i + " has " + other + " elements, operand #" + from + " " + e + " elements");
    }
  }

  /** Operand {@code i} must hold floats: the op is defined on floats only. */
  protected final void floatOperand(int i) {
    Type e = operandType(i).element();
    if (!(e instanceof FloatType)) throw new ShapeError("is defined on floats only, not on " + e + " elements");
  }

  /** The type of a tensor with this shape and the element type of operand {@code i}. */
  protected RankedTensorType like(int i, long[] shape) { return new RankedTensorType(shape, operandType(i).element()); }
}
