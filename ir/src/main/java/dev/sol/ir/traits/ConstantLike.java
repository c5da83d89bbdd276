package dev.sol.ir.traits;

/** Produces a constant value without operands. */
public interface ConstantLike {}
