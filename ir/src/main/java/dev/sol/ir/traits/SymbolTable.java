package dev.sol.ir.traits;

/** Its region holds named symbols that are unique within it. */
public interface SymbolTable {}
