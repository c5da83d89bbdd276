package dev.sol.dialect.arith;

import dev.sol.ir.ConditionallySpeculatable;
import dev.sol.ir.IntegerAttr;
import dev.sol.ir.Operation;

/**
 * Integer division and remainder trap on a zero divisor (operand 1), so they may only run
 * speculatively (e.g. be hoisted out of a loop) when the divisor is a non-zero constant.
 */
interface TrapsOnZeroDivisor extends ConditionallySpeculatable {
  @Override default boolean isSpeculatable() {
    return ((Operation) this).operand(1).definingOp() instanceof ConstantOp c && c.value() instanceof IntegerAttr i
        && i.value() != 0;
  }
}
