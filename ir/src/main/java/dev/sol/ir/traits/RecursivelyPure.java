package dev.sol.ir.traits;

/** Has no effects of its own: its effects are those of the operations in its regions. */
public interface RecursivelyPure {}
