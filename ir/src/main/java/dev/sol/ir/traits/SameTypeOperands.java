package dev.sol.ir.traits;

/** All operands have one type. */
public interface SameTypeOperands {}
