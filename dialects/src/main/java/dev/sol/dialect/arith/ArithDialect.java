package dev.sol.dialect.arith;

import dev.sol.ir.*;
import java.util.List;

/** Integer and floating-point arithmetic, as MLIR's arith dialect. */
public final class ArithDialect implements Dialect {
  @Override public String namespace() { return "arith"; }

  @Override public List<OpSpec> operations() {
    return List.of(
        AddIOp.SPEC,
        SubIOp.SPEC,
        MulIOp.SPEC,
        DivSIOp.SPEC,
        DivUIOp.SPEC,
        RemSIOp.SPEC,
        RemUIOp.SPEC,
        AndIOp.SPEC,
        OrIOp.SPEC,
        XOrIOp.SPEC,
        MaxSIOp.SPEC,
        MinSIOp.SPEC,
        MaxUIOp.SPEC,
        MinUIOp.SPEC,
        ShLIOp.SPEC,
        ShRSIOp.SPEC,
        ShRUIOp.SPEC,
        CeilDivSIOp.SPEC,
        FloorDivSIOp.SPEC,
        AddFOp.SPEC,
        SubFOp.SPEC,
        MulFOp.SPEC,
        DivFOp.SPEC,
        RemFOp.SPEC,
        MaxFOp.SPEC,
        MinFOp.SPEC,
        NegFOp.SPEC,
        IndexCastOp.SPEC,
        IndexCastUIOp.SPEC,
        SIToFPOp.SPEC,
        UIToFPOp.SPEC,
        FPToSIOp.SPEC,
        FPToUIOp.SPEC,
        ExtFOp.SPEC,
        TruncFOp.SPEC,
        ExtSIOp.SPEC,
        ExtUIOp.SPEC,
        TruncIOp.SPEC,
        BitcastOp.SPEC,
        CmpIOp.SPEC,
        CmpFOp.SPEC,
        SelectOp.SPEC,
        ConstantOp.SPEC,
        AddUIExtendedOp.SPEC,
        MulSIExtendedOp.SPEC,
        MulUIExtendedOp.SPEC,
        CeilDivUIOp.SPEC);
  }

  /** Folded values become arith.constant operations. */
  @Override public Operation materializeConstant(Builder builder, Attribute value, Type type, Location loc) {
    return ArithConstants.materialize(builder, value, type, loc);
  }

  @Override public List<RewritePattern> canonicalizationPatterns() { return ArithCanonicalization.patterns(); }
}
