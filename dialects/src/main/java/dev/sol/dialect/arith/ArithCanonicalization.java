package dev.sol.dialect.arith;

import dev.sol.dialect.ConstantFolding;
import dev.sol.ir.*;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Canonicalization patterns of the arith dialect, after MLIR 16's ArithCanonicalization.td:
 * re-associating constants through chains of addi/subi, inverting negated
 * comparisons, and turning selects of 0/1 into extensions.
 */
final class ArithCanonicalization {
  private ArithCanonicalization() {}

  static List<RewritePattern> patterns() {
    return List.of(
        new Reassociate("AddIAddConstant", AddIOp.SPEC, AddIOp.class, Shape.X_C, Shape.X_C, AddIOp::create, true, Long::sum),
        new Reassociate("AddISubConstantRHS", AddIOp.SPEC, SubIOp.class, Shape.X_C, Shape.X_C, AddIOp::create, true, (c0, c1) -> c1 - c0),
        new Reassociate("AddISubConstantLHS", AddIOp.SPEC, SubIOp.class, Shape.C_X, Shape.X_C, SubIOp::create, false, Long::sum),
        new Reassociate("SubIRHSAddConstant", SubIOp.SPEC, AddIOp.class, Shape.X_C, Shape.X_C, AddIOp::create, true, (c0, c1) -> c0 - c1),
        new Reassociate("SubILHSAddConstant", SubIOp.SPEC, AddIOp.class, Shape.X_C, Shape.C_X, SubIOp::create, false, (c0, c1) -> c1 - c0),
        new Reassociate("SubIRHSSubConstantRHS", SubIOp.SPEC, SubIOp.class, Shape.X_C, Shape.X_C, SubIOp::create, true, Long::sum),
        new Reassociate("SubIRHSSubConstantLHS", SubIOp.SPEC, SubIOp.class, Shape.C_X, Shape.X_C, SubIOp::create, false, (c0, c1) -> c0 - c1),
        new Reassociate("SubILHSSubConstantRHS", SubIOp.SPEC, SubIOp.class, Shape.X_C, Shape.C_X, SubIOp::create, false, Long::sum),
        new Reassociate("SubILHSSubConstantLHS", SubIOp.SPEC, SubIOp.class, Shape.C_X, Shape.C_X, AddIOp::create, true, (c0, c1) -> c1 - c0),
        new XOrINotCmpI(), new SelectToExtUI());
  }

  /** Where the constant sits in a binary op: {@code op(x, c)} or {@code op(c, x)}. */
  enum Shape { X_C, C_X }

  /** The static builder of a binary op, such as {@code AddIOp::create}. */
  interface BinaryBuilder {
    Operation create(Builder b, Location loc, Value lhs, Value rhs);
  }

  static Attribute constant(Value v) {
    return v.definingOp() instanceof ConstantOp c ? c.value() : null;
  }

  /**
   * {@code outer(inner(x, c0) | inner(c0, x), c1) | outer(c1, inner(...))} becomes
   * {@code result(x, f(c0, c1))} (resultXFirst) or {@code result(f(c0, c1), x)}.
   */
  static final class Reassociate extends RewritePattern {
    private final String name;
    private final Class<? extends Operation> inner;
    private final Shape innerShape;
    private final Shape outerShape;
    private final BinaryBuilder result;
    private final boolean resultXFirst;
    private final LongBinaryOperator combine;

    Reassociate(String name, OpSpec outer, Class<? extends Operation> inner, Shape innerShape, Shape outerShape, BinaryBuilder result,
        boolean resultXFirst, LongBinaryOperator combine) {
      super(outer.name(), 1);
      this.name = name;
      this.inner = inner;
      this.innerShape = innerShape;
      this.outerShape = outerShape;
      this.result = result;
      this.resultXFirst = resultXFirst;
      this.combine = combine;
    }

    @Override public String debugName() { return name; }

    @Override public boolean rewrite(Operation op, PatternRewriter rewriter) {
      Value innerValue = outerShape == Shape.X_C ? op.operand(0) : op.operand(1);
      Attribute c1 = constant(outerShape == Shape.X_C ? op.operand(1) : op.operand(0));
      Operation in = innerValue.definingOp();
      if (c1 == null || !inner.isInstance(in)) return false;
      Value x = innerShape == Shape.X_C ? in.operand(0) : in.operand(1);
      Attribute c0 = constant(innerShape == Shape.X_C ? in.operand(1) : in.operand(0));
      if (c0 == null) return false;
      Type type = op.result(0).type();
      Attribute folded = ConstantFolding.binaryInt(c0, c1, type, combine);
      if (folded == null) return false;
      Value c = ConstantOp.create(rewriter, op.location(), folded).result();
      Operation replacement = resultXFirst ? result.create(rewriter, op.location(), x, c) : result.create(rewriter, op.location(), c, x);
      rewriter.replaceOp(op, replacement.results());
      return true;
    }
  }

  /** {@code xori(cmpi(p, a, b), true)} becomes {@code cmpi(not p, a, b)}. */
  static final class XOrINotCmpI extends OpRewritePattern<XOrIOp> {
    XOrINotCmpI() { super(XOrIOp.class, XOrIOp.SPEC); }

    @Override public boolean matchAndRewrite(XOrIOp op, PatternRewriter rewriter) {
      if (!(op.lhs().definingOp() instanceof CmpIOp cmp) || !ConstantFolding.isInt(constant(op.rhs()), 1)
          || !op.result(0).type().equals(IntegerType.I1)) {
        return false;
      }
      CmpIOp n = CmpIOp.create(rewriter, op.location(), cmp.predicate().negated(), cmp.lhs(), cmp.rhs());
      rewriter.replaceOp(op, n.results());
      return true;
    }
  }

  /** {@code select(c, 1, 0)} on integers becomes {@code extui(c)}; {@code select(c, 0, 1)} becomes {@code extui(xori(c, true))}. */
  static final class SelectToExtUI extends OpRewritePattern<SelectOp> {
    SelectToExtUI() { super(SelectOp.class, SelectOp.SPEC); }

    @Override public boolean matchAndRewrite(SelectOp op, PatternRewriter rewriter) {
      Type t = op.result(0).type();
      if (!(t instanceof IntegerType it) || it.width() == 1 || !op.condition().type().equals(IntegerType.I1)) return false;
      Attribute tv = constant(op.trueValue());
      Attribute fv = constant(op.falseValue());
      Value cond = op.condition();
      if (ConstantFolding.isInt(tv, 1) && ConstantFolding.isInt(fv, 0)) {
        // as is
      } else if (ConstantFolding.isInt(tv, 0) && ConstantFolding.isInt(fv, 1)) {
        Value one = ConstantOp.create(rewriter, op.location(), IntegerAttr.of(true)).result();
        cond = XOrIOp.create(rewriter, op.location(), cond, one).result();
      } else {
        return false;
      }
      ExtUIOp ext = ExtUIOp.create(rewriter, op.location(), cond, t);
      rewriter.replaceOp(op, ext.results());
      return true;
    }
  }
}
