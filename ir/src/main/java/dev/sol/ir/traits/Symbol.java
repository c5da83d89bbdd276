package dev.sol.ir.traits;

/** Defines a symbol named by its {@code sym_name} string attribute. */
public interface Symbol {}
