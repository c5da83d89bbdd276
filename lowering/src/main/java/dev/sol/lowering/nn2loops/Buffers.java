package dev.sol.lowering.nn2loops;

import dev.sol.ir.*;
import dev.sol.lowering.ConvertNnToLoopsPass;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The bridge between tensor code and the loops' buffers while convert-nn-to-loops runs: a
 * tensor operand is read through one {@code bufferization.to_memref}, made before the first
 * op that reads it; a lowered result is handed back through one
 * {@code bufferization.to_tensor} right after its loops, and later patterns read the buffer
 * behind it directly.
 *
 * <p>The dialect conversion's type converter does not fit here: its materializations would
 * make a to_memref for every use and a to_tensor in front of every unconverted user, so the
 * patterns convert no types and ask this bridge instead. It lives as long as one run of the
 * pass.
 */
public final class Buffers {
  private final Operation module;
  private final TargetDescription target;
  private final Map<Value, Value> memrefOf = new IdentityHashMap<>();
  private final int[] tables = {0};

  /** The bridge for loops on one thread. */
  public Buffers(Operation module) { this(module, TargetDescription.SCALAR); }

  /** The bridge for loops on {@code target}, whose threads the loops may use. */
  public Buffers(Operation module, TargetDescription target) {
    this.module = module;
    this.target = target;
  }

  /** The loop vocabulary at the builder's insertion point, with the target's threads. */
  Loops loops(Builder b, Location loc, boolean unsigned) {
    return new Loops(b, loc, unsigned, target.threads(), target.parallelWork());
  }

  /** The buffer behind {@code tensor}, read by {@code user}'s loops. */
  Value read(Loops l, Value tensor, Operation user) {
    Value m = memrefOf.get(tensor);
    // A pattern that failed had its to_memref rolled back (it left its block): make another.
    if (m == null || m instanceof OpResult r && r.owner().parentBlock() == null) {
      m = l.toMemref(ConvertNnToLoopsPass.bufferType(tensor, user), tensor);
      memrefOf.put(tensor, m);
    }
    return m;
  }

  /** The buffer {@code memref}, which the loops wrote, as a tensor of {@code type}. */
  Value written(Loops l, Type type, Value memref) {
    Value t = l.toTensor(type, memref);
    memrefOf.put(t, memref);
    return t;
  }

  /** A constant table for {@code user}'s loops: a private memref.global before its function, read with memref.get_global at the insertion point. */
  Value table(Loops l, DenseElementsAttr value, Operation user) {
    Operation function = user;
    while (function.parentOp() != module) function = function.parentOp();
    return ConvertNnToLoopsPass.global(l.builder().context(), l.builder(), function, value, user.location(), tables);
  }

  /** How many table names were handed out. */
  public int tables() { return tables[0]; }
}
