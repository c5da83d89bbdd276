package dev.sol.ir;

import java.util.IdentityHashMap;
import java.util.Map;

/** Maps values and blocks of original IR to their clones. */
public final class IRMapping {
  private final Map<Value, Value> values = new IdentityHashMap<>();
  private final Map<Block, Block> blocks = new IdentityHashMap<>();

  public void map(Value from, Value to) { values.put(from, to); }

  public void map(Block from, Block to) { blocks.put(from, to); }

  /** The mapped value, or {@code v} itself when unmapped. */
  public Value lookup(Value v) { return values.getOrDefault(v, v); }

  public Block lookup(Block b) { return blocks.getOrDefault(b, b); }
}
