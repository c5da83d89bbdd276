package dev.sol.ir.traits;

/** The operands may be reordered. */
public interface Commutative {}
