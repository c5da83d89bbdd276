package dev.sol.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A list of blocks owned by an operation. */
public final class Region {
  private final List<Block> blocks = new ArrayList<>();
  Operation parent;

  public Operation parentOp() { return parent; }
  public List<Block> blocks() { return Collections.unmodifiableList(blocks); }
  public boolean isEmpty() { return blocks.isEmpty(); }
  public Block entryBlock() { return blocks.isEmpty() ? null : blocks.getFirst(); }
  public int index() {
    for (int i = 0; i < parent.numRegions(); i++) if (parent.region(i) == this) return i;
    throw new IllegalStateException("region not in its parent");
  }

  public Block addBlock() {
    Block b = new Block();
    append(b);
    return b;
  }

  public void append(Block b) {
    if (b.parent != null) throw new IllegalStateException("block already has a parent region");
    b.parent = this;
    blocks.add(b);
  }

  public void insert(int index, Block b) {
    b.parent = this;
    blocks.add(index, b);
  }

  public void remove(Block b) {
    blocks.remove(b);
    b.parent = null;
  }

  /** Moves all blocks of this region to the end of {@code dest}. */
  public void moveBlocksTo(Region dest) {
    for (Block b : blocks) {
      b.parent = null;
      dest.append(b);
    }
    blocks.clear();
  }

  /** True when {@code other} is this region or nested inside it. */
  public boolean isAncestorOf(Region other) {
    for (Region r = other; r != null; ) {
      if (r == this) return true;
      Operation op = r.parent;
      if (op == null || op.parentBlock() == null) return false;
      r = op.parentBlock().parent();
    }
    return false;
  }

  /** The ancestor of {@code op} (possibly op itself) whose block is in this region, or null. */
  public Operation findAncestorOpInRegion(Operation op) {
    for (Operation cur = op; cur != null; ) {
      Block b = cur.parentBlock();
      if (b == null) return null;
      if (b.parent() == this) return cur;
      Region r = b.parent();
      cur = r == null ? null : r.parent;
    }
    return null;
  }
}
