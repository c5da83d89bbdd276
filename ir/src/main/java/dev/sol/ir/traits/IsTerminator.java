package dev.sol.ir.traits;

/** Must be the last operation of its block. */
public interface IsTerminator {}
