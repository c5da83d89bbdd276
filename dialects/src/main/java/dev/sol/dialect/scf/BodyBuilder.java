package dev.sol.dialect.scf;

import dev.sol.ir.BlockArgument;
import dev.sol.ir.Builder;
import dev.sol.ir.Value;
import java.util.List;

/**
 * Fills the entry block of a region that a static builder creates: it receives a builder
 * that inserts into the block and the block's arguments, and returns the values that the
 * block's terminator passes on (the static builder appends the terminator and then returns
 * the builder to where it was).
 */
@FunctionalInterface
public interface BodyBuilder {
  List<Value> build(Builder b, List<BlockArgument> arguments);
}
