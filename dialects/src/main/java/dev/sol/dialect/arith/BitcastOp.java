package dev.sol.dialect.arith;

import dev.sol.dialect.Constraints;
import dev.sol.dialect.ElementCast;
import dev.sol.ir.*;
import dev.sol.ir.traits.*;
import static dev.sol.dialect.Constraints.*;
import static dev.sol.dialect.ConstantFolding.*;

/**
 * Reinterprets the bits of a value of the same width.
 *
 * <pre>{@code %1 = "arith.bitcast"(%0) : (f32) -> i32}</pre>
 */
public final class BitcastOp extends Operation implements Pure, ElementCast {
  public static final OpSpec SPEC = OpSpec.named("arith.bitcast", BitcastOp.class, BitcastOp::new)
      .operand("in", SIGNLESS_INT_OR_FLOAT_LIKE).result("out", SIGNLESS_INT_OR_FLOAT_LIKE);

  private BitcastOp(OperationState state) {
    super(state, SPEC);
  }

  public Value in() { return operand(0); }

  /** Converts {@code in} to {@code resultType} (a scalar, or a vector or tensor of the same shape). */
  public static BitcastOp create(Builder b, Location loc, Value in, Type resultType) {
    return b.create(SPEC, new OperationState(SPEC.name(), loc).operands(in).results(resultType));
  }

  /** The bits of a float are its encoding, those of an integer its two's complement. */
  @Override public Number convert(Number value, Type from, Type to) {
    long bits = from instanceof FloatType in ? FloatFormat.bits(in, value.doubleValue()) : value.longValue();
    if (to instanceof FloatType out) return FloatFormat.fromBits(out, bits);
    return bits;
  }

  @Override public boolean verify(Diagnostics diag) {
    return ArithCasts.verify(this, diag, ArithCasts.Kind.SAME_WIDTH);
  }
}
