package dev.sol.lowering.nn2loops;

import dev.sol.dialect.vector.LoadOp;
import dev.sol.dialect.vector.ShuffleOp;
import dev.sol.dialect.vector.StoreOp;
import dev.sol.ir.*;
import dev.sol.lowering.Loops;
import dev.sol.lowering.TargetDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Copies every {@code stride}-th element of one row of an image into consecutive elements: the
 * copies a strided convolution makes of its image (the shifted copies and im2col of
 * {@link VectorConv}).
 *
 * <p>With stride 2 on a vector target the copy is vectors: two loads and one shuffle that picks
 * the even lanes give a vector of outputs. Element by element, LLVM vectorized it into gathers
 * ({@code vgatherdps}), which on Zen 5 took 12% of a 3 x 3 stride-2 convolution (128 channels at
 * 56 x 56) on one thread.
 */
final class StridedRow {
  private StridedRow() {}

  /** The fewest lanes worth a vector copy: below them, element by element. */
  private static final int MIN_LANES = 4;

  /**
   * dst[dstAt(z)] = x[at..., z * stride + offset] for the z in [from, to), all of whose columns
   * lie inside the row ({@link VectorConv#inside}); {@code dstAt(z)} must step one element along
   * dst's last dimension as z steps by one.
   */
  static void copy(Loops l, TargetDescription t, Value x, List<Value> at, long stride, long offset, long from, long to, Value dst,
      Function<Value, List<Value>> dstAt) {
    long count = to - from;
    // Rows shorter than the target's vector (14 and 7 outputs on AVX-512: ResNet's strided
    // layers at 14 x 14 and 7 x 7) take the widest power of two that fits them.
    int width = lanes(t, count);
    if (stride != 2 || width < MIN_LANES || width % 2 != 0 || count < width) {
      VectorConv.range(l, from, to, z -> l.store(l.load(x, indices(at, l.add(l.mul(z, l.index(stride)), l.index(offset)))), dst, dstAt.apply(z)));
      return;
    }
    VectorType vt = new VectorType(new long[] {width}, FloatType.F32);
    // Outputs z .. z + width - 1 read columns c = 2z + offset .. c + 2 * width - 2: the first
    // vector from c gives the even lanes of the first half, the second from c + width - 1 (so
    // that no lane reads past the last column used) its odd lanes for the second half.
    long[] lanes = new long[width];
    for (int k = 0; k < width; k++) lanes[k] = k < width / 2 ? 2L * k : width + 2L * (k - width / 2) + 1;
    Consumer<Value> vector = z -> {
      Value column = l.add(l.mul(z, l.index(2)), l.index(offset));
      Value low = LoadOp.create(l.builder(), l.location(), vt, x, indices(at, column)).result();
      Value high = LoadOp.create(l.builder(), l.location(), vt, x, indices(at, l.add(column, l.index(width - 1)))).result();
      StoreOp.create(l.builder(), l.location(), ShuffleOp.create(l.builder(), l.location(), low, high, lanes).result(), dst, dstAt.apply(z));
    };
    l.forEach(new long[] {count / width}, v -> vector.accept(l.add(l.mul(v.getFirst(), l.index(width)), l.index(from))));
    // The last partial vector: the one that ends at the last output, over outputs copied already.
    if (count % width != 0) vector.accept(l.index(to - width));
  }

  /** The target's vector width, halved while it is above {@code count} and above {@link #MIN_LANES}; 1 without vectors. */
  private static int lanes(TargetDescription t, long count) {
    int width = t.vectorizes() ? t.vectorWidth() : 1;
    while (width > MIN_LANES && width > count) width /= 2;
    return width;
  }

  private static List<Value> indices(List<Value> at, Value column) {
    List<Value> all = new ArrayList<>(at);
    all.add(column);
    return all;
  }
}
