package dev.sol.runtime;

import dev.sol.dialect.ConstantFolding;
import dev.sol.dialect.nn.Broadcast;
import dev.sol.dialect.nn.Tensor;
import dev.sol.dialect.vector.CombiningKind;
import dev.sol.dialect.vector.ReductionOp;
import dev.sol.ir.IntegerAttr;
import dev.sol.ir.VectorType;
import java.util.Arrays;

/** The common vector ops in the interpreter: 1-D loads and stores, broadcasts, reductions, extract and insert. */
final class VectorInterpreter {
  private VectorInterpreter() {}

  /**
   * Reads consecutive elements along the last dimension of {@code b} from {@code base};
   * beyond the end, {@code pad} when given (transfer_read), else an error (vector.load).
   */
  static Tensor read(Buffer b, long[] base, VectorType type, Tensor pad) {
    int last = b.shape().length - 1;
    Tensor out = Tensor.zeros(type.element(), type.shape());
    for (int i = 0; i < out.size(); i++) {
      long[] idx = base.clone();
      idx[last] += i;
      if (idx[last] < b.shape()[last]) Buffer.copy(b.base(), b.index(idx), out, i);
      else if (pad != null) Buffer.copy(pad, 0, out, i);
      else throw new Interpreter.InterpreterException("vector.load out of bounds");
    }
    return out;
  }

  /** Writes {@code v} along the last dimension of {@code b} from {@code base}, dropping what falls beyond the end. */
  static void write(Tensor v, Buffer b, long[] base) {
    int last = b.shape().length - 1;
    for (int i = 0; i < v.size(); i++) {
      long[] idx = base.clone();
      idx[last] += i;
      if (idx[last] >= b.shape()[last]) continue;
      Buffer.copy(v, i, b.base(), b.index(idx));
    }
  }

  static Tensor broadcast(Tensor s, VectorType type) {
    Tensor out = Tensor.zeros(type.element(), type.shape());
    int[] map = Broadcast.indexMap(s.shape(), type.shape());
    for (int i = 0; i < out.size(); i++) Buffer.copy(s, map[i], out, i);
    return out;
  }

  /** Combines the elements in order, starting from {@code acc} when given, else from the first element. */
  static Tensor reduce(ReductionOp op, Tensor v, Tensor acc) {
    CombiningKind kind = op.kind();
    Tensor out = Tensor.zeros(v.element(), new long[0]);
    int start = acc == null ? 1 : 0;
    Buffer.copy(acc == null ? v : acc, 0, out, 0);
    if (v.isFloat()) {
      double r = out.get(0);
      for (int i = start; i < v.size(); i++) r = kind.combine(r, v.get(i));
      out.set(0, r);
    } else {
      int width = ConstantFolding.width(v.element());
      long r = out.getLong(0);
      for (int i = start; i < v.size(); i++) r = IntegerAttr.normalize(v.element(), kind.combine(r, v.getLong(i), width));
      out.setLong(0, r);
    }
    return out;
  }

  /** The element, or trailing sub-vector, of {@code v} at {@code position}. */
  static Tensor extract(Tensor v, long[] position) {
    long[] rest = Arrays.copyOfRange(v.shape(), position.length, v.rank());
    Tensor out = Tensor.zeros(v.element(), rest);
    long at = offset(v, position) * Tensor.count(rest);
    for (int i = 0; i < out.size(); i++) Buffer.copy(v, (int) (at + i), out, i);
    return out;
  }

  /** {@code dest} with the element or sub-vector at {@code position} replaced by {@code s}. */
  static Tensor insert(Tensor s, Tensor dest, long[] position) {
    Tensor out = Tensor.zeros(dest.element(), dest.shape());
    for (int i = 0; i < out.size(); i++) Buffer.copy(dest, i, out, i);
    long at = offset(dest, position) * Tensor.count(Arrays.copyOfRange(dest.shape(), position.length, dest.rank()));
    for (int i = 0; i < s.size(); i++) Buffer.copy(s, i, out, (int) (at + i));
    return out;
  }

  /** Lane i is lane {@code mask[i]} of v1 followed by v2. */
  static Tensor shuffle(Tensor v1, Tensor v2, long[] mask) {
    Tensor out = Tensor.zeros(v1.element(), new long[] {mask.length});
    for (int i = 0; i < mask.length; i++) {
      int m = (int) mask[i];
      if (m < v1.size()) Buffer.copy(v1, m, out, i);
      else Buffer.copy(v2, m - v1.size(), out, i);
    }
    return out;
  }

  /** The row-major number of the sub-vector at {@code position} among those of its rank. */
  private static long offset(Tensor v, long[] position) {
    long at = 0;
    for (int d = 0; d < position.length; d++) at = at * v.shape()[d] + position[d];
    return at;
  }
}
