package dev.sol.codegen.ve;

import dev.sol.dialect.memref.AllocOp;
import dev.sol.dialect.memref.AllocaOp;
import dev.sol.dialect.memref.GetGlobalOp;
import dev.sol.dialect.memref.LoadOp;
import dev.sol.dialect.memref.StoreOp;
import dev.sol.dialect.scf.ForOp;
import dev.sol.dialect.scf.ParallelOp;
import dev.sol.ir.BlockArgument;
import dev.sol.ir.Operation;
import dev.sol.ir.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code #pragma _NEC} directives that tell NEC's {@code ncc} how to vectorize a loop of
 * the emitted C. The VE's vector registers hold 256 elements of 64 bits; ncc vectorizes the
 * innermost loop of a nest, strip-mined into pieces of 256, and has to prove or be told that
 * its iterations are independent. What the emitter writes, and why:
 *
 * <ul>
 *   <li>{@code ivdep} on an innermost loop whose iterations are independent: an
 *       {@code scf.parallel} dimension (independent by definition), or an {@code scf.for}
 *       that carries no values and whose stores reach no bytes that its other loads and stores
 *       reach (traced through views to the function argument, allocation or global beneath,
 *       and the byte ranges of the memory plan's views into the arena). Without it ncc must assume that
 *       stores through one pointer may feed loads through another and keeps the loop scalar.
 *   <li>{@code shortloop} on an innermost loop of at most 256 iterations known at compile
 *       time: one strip, so ncc drops the strip-mining loop around the vector instructions.
 *       Longer known counts get {@code loop_count(n)}, which sizes ncc's heuristics.
 *   <li>{@code novector} on an innermost loop of fewer than 8 iterations: starting a vector
 *       operation costs more than a few scalar ones. {@code vector} asks for vectorization
 *       of the other independent ones.
 *   <li>{@code outerloop_unroll(n)} on the loop around a short innermost loop (a row of a
 *       7 x 7 image, a window of taps): ncc unrolls the outer loop into the vector loop, so
 *       that n short rows share each vector instruction instead of each paying its start.
 *   <li>{@code vreg(name)} after the declaration of a small stack buffer (at most 256
 *       elements): the per-tile scratch of a fused kernel then lives in a vector register.
 * </ul>
 *
 * gcc ignores these pragmas ({@code -Wno-unknown-pragmas}), so the same C checks results on
 * the host.
 */
final class VeDirectives {
  /** Elements of one VE vector register. */
  static final long VECTOR_LENGTH = 256;

  private VeDirectives() {}

  /**
   * The directives before a C for loop: {@code tripCount} its iterations when known (else
   * -1), {@code independent} whether they may run in any order, {@code innermost} whether
   * its body has no loop, and {@code innerTripCount} the iterations of the loop directly
   * inside when this loop's body is exactly one innermost loop (else -1).
   */
  static List<String> forLoop(long tripCount, boolean independent, boolean innermost, long innerTripCount) {
    List<String> pragmas = new ArrayList<>();
    if (innermost) {
      if (tripCount >= 0 && tripCount < 8) {
        pragmas.add("#pragma _NEC novector");
        return pragmas;
      }
      if (independent) {
        pragmas.add("#pragma _NEC ivdep");
        pragmas.add("#pragma _NEC vector");
      }
      if (tripCount >= 0 && tripCount <= VECTOR_LENGTH) pragmas.add("#pragma _NEC shortloop");
      else if (tripCount > VECTOR_LENGTH) pragmas.add("#pragma _NEC loop_count(" + tripCount + ")");
      return pragmas;
    }
    if (innerTripCount >= 8 && innerTripCount <= VECTOR_LENGTH / 2) {
      int unroll = (int) Math.min(8, Integer.highestOneBit((int) (VECTOR_LENGTH / innerTripCount)));
      if (unroll >= 2 && (tripCount < 0 || tripCount >= unroll)) pragmas.add("#pragma _NEC outerloop_unroll(" + unroll + ")");
    }
    return pragmas;
  }

  /** Whether the iterations of {@code loop} (an scf.parallel, or an scf.for) are independent. */
  static boolean independent(Operation loop) {
    if (loop instanceof ParallelOp) return true;
    if (!(loop instanceof ForOp f) || !f.initArgs().isEmpty()) return false;
    List<LoadOp> loads = new ArrayList<>();
    List<StoreOp> stores = new ArrayList<>();
    boolean[] unknown = {false};
    loop.walk(op -> {
      if (op instanceof StoreOp s) stores.add(s);
      else if (op instanceof LoadOp l) loads.add(l);
      else if (op.name().equals("func.call") || op.name().startsWith("vector.") || op.name().equals("memref.copy")) unknown[0] = true;
    });
    if (unknown[0]) return false;
    Value iv = f.inductionVar();
    for (StoreOp s : stores) {
      // A store whose address does not follow the loop writes one place in every iteration.
      if (!s.indices().contains(iv)) return false;
      for (LoadOp l : loads) {
        // The same element of the same buffer, read then written by one iteration, is no dependence between iterations.
        if (s.memref() == l.memref() && s.indices().equals(l.indices())) continue;
        if (CEmitter.mayOverlap(s.memref(), l.memref())) return false;
      }
      for (StoreOp t : stores) {
        if (t != s && !(t.memref() == s.memref() && t.indices().equals(s.indices())) && CEmitter.mayOverlap(s.memref(), t.memref())) return false;
      }
    }
    return true;
  }

  /** The buffer beneath a memref value, through views: a function argument, an allocation, or a global's name. */
  static Object root(Value memref) {
    Value v = memref;
    while (true) {
      if (v instanceof BlockArgument) return v;
      Operation def = v.definingOp();
      if (def instanceof AllocOp || def instanceof AllocaOp) return def;
      if (def instanceof GetGlobalOp g) return g.globalName();
      if (def != null && CEmitter.isView(def)) {
        v = def.operand(0);
        continue;
      }
      return v;
    }
  }
}
