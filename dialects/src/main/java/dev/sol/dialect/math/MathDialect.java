package dev.sol.dialect.math;

import dev.sol.ir.*;
import dev.sol.dialect.arith.ArithConstants;
import java.util.List;

/** Math functions on floats, as MLIR's math dialect. */
public final class MathDialect implements Dialect {
  @Override public String namespace() { return "math"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        ExpOp.SPEC,
        LogOp.SPEC,
        TanhOp.SPEC,
        SqrtOp.SPEC,
        RsqrtOp.SPEC,
        ErfOp.SPEC,
        AbsFOp.SPEC,
        CeilOp.SPEC,
        FloorOp.SPEC,
        SinOp.SPEC,
        CosOp.SPEC,
        Log2Op.SPEC,
        Exp2Op.SPEC,
        Log1pOp.SPEC,
        ExpM1Op.SPEC,
        RoundOp.SPEC,
        PowFOp.SPEC,
        FmaOp.SPEC,
        AtanOp.SPEC,
        Atan2Op.SPEC,
        CopySignOp.SPEC,
        TanOp.SPEC,
        TruncOp.SPEC,
        RoundEvenOp.SPEC,
        CbrtOp.SPEC,
        CountLeadingZerosOp.SPEC,
        CountTrailingZerosOp.SPEC,
        CtPopOp.SPEC,
        AbsIOp.SPEC,
        IPowIOp.SPEC,
        FPowIOp.SPEC,
        Log10Op.SPEC);
  }

  /** Folded values become arith.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ArithConstants.materialize(builder, value, type, loc);
  }
}
