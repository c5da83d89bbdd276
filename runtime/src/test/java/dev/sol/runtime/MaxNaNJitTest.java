package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maxima of the JIT's vector kernels (max pooling, softmax's row maximum, reduce_max) are
 * written as {@code x > y ? x : y} with the sum where x and y are unordered (one maxps on x86
 * instead of arith.maxf's six instructions): a NaN anywhere in a window or a row must still
 * give NaN there, as the interpreter's arith.maxf does, and every other output must match.
 */
class MaxNaNJitTest {
  @TempDir Path dir;

  @Test void maxPoolingKeepsNaNOfEveryTap() throws Exception {
    // 111 x 111 -> 55 x 55 in vectors (row pass down the window, column pass across it); NaNs
    // at the first, middle and last tap of windows, in the border and in the masked last vector.
    long[] shape = {1, 2, 111, 111};
    float[] x = randoms(2 * 111 * 111);
    int[][] nans = {{0, 0, 0}, {0, 10, 20}, {0, 11, 21}, {0, 12, 22}, {1, 110, 110}, {1, 57, 96}, {1, 3, 109}};
    for (int[] p : nans) x[(p[0] * 111 + p[1]) * 111 + p[2]] = Float.NaN;
    check("pool", "\"nn.max_pool\"(%arg0) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}", shape, "tensor<1x2x55x55xf32>", x);
    check("pool_padded", "\"nn.max_pool\"(%arg0) {kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>}",
        shape, "tensor<1x2x56x56xf32>", x);
  }

  @Test void softmaxAndReduceMaxKeepNaN() throws Exception {
    long[] shape = {4, 37};
    float[] x = randoms(4 * 37);
    x[5] = Float.NaN;
    x[37 + 36] = Float.NaN;
    x[2 * 37 + 16] = Float.NaN;
    check("softmax", "\"nn.softmax\"(%arg0) {axis = 1 : i64}", shape, "tensor<4x37xf32>", x);
    check("reduce_max", "\"nn.reduce_max\"(%arg0) {axes = array<i64: 1>}", shape, "tensor<4x1xf32>", x);
    // Over the leading axis the columns go in vectors carried down the rows (37 columns: whole
    // vectors and a masked last one): NaNs in the first row, a middle one, and the last column.
    check("reduce_max_columns", "\"nn.reduce_max\"(%arg0) {axes = array<i64: 0>}", shape, "tensor<1x37xf32>", x);
  }

  /** {@code op} of one input of {@code shape} through the JIT and the interpreter: NaN in the same places, the rest equal. */
  private void check(String name, String op, long[] shape, String result, float[] x) throws Exception {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) dims.append(d).append('x');
    String input = "tensor<" + dims + "f32>";
    String text = "\"builtin.module\"() ({\n  \"func.func\"() ({\n  ^bb0(%arg0: " + input + "):\n"
        + "    %r = " + op + " : (" + input + ") -> " + result + "\n"
        + "    \"func.return\"(%r) : (" + result + ") -> ()\n"
        + "  }) {function_type = (" + input + ") -> " + result + ", sym_name = \"" + name + "\"} : () -> ()\n}) : () -> ()\n";
    Path file = dir.resolve(name + ".mlir");
    Files.writeString(file, text);
    try (SolTensor in = SolTensor.of(shape, x);
         SolModel jit = SolModel.compile(file, new SolOptions());
         SolModel interp = SolModel.compile(file, new SolOptions().backend(SolOptions.Backend.INTERPRETER));
         SolModel.Result got = jit.run(Map.of("input_0", in));
         SolModel.Result expected = interp.run(Map.of("input_0", in))) {
      float[] g = got.get("output_0").toFloatArray();
      float[] e = expected.get("output_0").toFloatArray();
      assertEquals(e.length, g.length, name);
      int nan = 0;
      for (int i = 0; i < e.length; i++) {
        if (Float.isNaN(e[i])) nan++;
        assertEquals(Float.isNaN(e[i]), Float.isNaN(g[i]), name + ": NaN at output " + i);
        if (!Float.isNaN(e[i])) assertEquals(e[i], g[i], 1e-6f, name + ": output " + i);
      }
      assertTrue(nan > 0, name + ": the reference has NaNs");
    }
  }

  private static float[] randoms(int n) {
    Random random = new Random(11);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
    return v;
  }
}
