package dev.sol.ir.traits;

/** Its regions are graph regions: operations may use values defined later in the block. */
public interface GraphRegions {}
