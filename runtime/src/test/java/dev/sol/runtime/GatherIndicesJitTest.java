package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gather indices given at run time outside their axis are an error of the model's input: the
 * interpreter refuses them, and compiled code clamps them into the axis instead of reading
 * outside the data (it read out of bounds, and an index of 10^12 crashed the JVM). Scatter
 * indices likewise never write outside the result.
 */
class GatherIndicesJitTest {
  @TempDir Path dir;

  private static final float[] DATA = {0, 1, 2, 10, 11, 12};

  @Test void gatherClampsIndicesOutsideTheAxis() throws Exception {
    // data 2 x 3, indices along axis 1: in range (0, -1), past the end (7, 10^12), before the start (-4, -10^12).
    Path file = module("gather", "\"nn.gather\"(%arg0, %arg1) {axis = 1 : i64}", "tensor<2x6xi64>", "tensor<2x2x6xf32>");
    long[] idx = {0, -1, 7, 1_000_000_000_000L, -4, -1_000_000_000_000L, 2, 1, 3, 5, -5, 4};
    float[] got = runJit(file, idx, new long[] {2, 6});
    // Clamped positions per index: 0, 2, 2, 2, 0, 0 | 2, 1, 2, 2, 0, 2.
    assertArrayEquals(new float[] {0, 2, 2, 2, 0, 0, 2, 1, 2, 2, 0, 2, 10, 12, 12, 12, 10, 10, 12, 11, 12, 12, 10, 12}, got);
    assertRefused(file, idx, new long[] {2, 6}, "gather index 7 is out of range");
  }

  @Test void gatherElementsClampsIndicesOutsideTheAxis() throws Exception {
    Path file = module("gather_elements", "\"nn.gather_elements\"(%arg0, %arg1) {axis = 1 : i64}", "tensor<2x3xi64>", "tensor<2x3xf32>");
    long[] idx = {-1, 9, -1_000_000_000_000L, 1_000_000_000_000L, 1, -3};
    assertArrayEquals(new float[] {2, 2, 0, 12, 11, 10}, runJit(file, idx, new long[] {2, 3}));
    assertRefused(file, idx, new long[] {2, 3}, "gather_elements index 9 is out of range");
  }

  /** Scatter places: -1 names the last row, 5 and -10^12 are clamped to the last and first rows; the later tuple wins. */
  @Test void scatterNdClampsIndicesOutsideTheAxis() throws Exception {
    String text = "\"builtin.module\"() ({\n  \"func.func\"() ({\n  ^bb0(%arg0: tensor<2x3xf32>, %arg1: tensor<3x1xi64>):\n"
        + "    %u = \"nn.constant\"() {value = dense<[[7.0, 8.0, 9.0], [4.0, 5.0, 6.0], [-1.0, -2.0, -3.0]]> : tensor<3x3xf32>} : () -> tensor<3x3xf32>\n"
        + "    %r = \"nn.scatter_nd\"(%arg0, %arg1, %u) : (tensor<2x3xf32>, tensor<3x1xi64>, tensor<3x3xf32>) -> tensor<2x3xf32>\n"
        + "    \"func.return\"(%r) : (tensor<2x3xf32>) -> ()\n"
        + "  }) {function_type = (tensor<2x3xf32>, tensor<3x1xi64>) -> tensor<2x3xf32>, sym_name = \"scatter_nd\"} : () -> ()\n}) : () -> ()\n";
    Path file = dir.resolve("scatter_nd.mlir");
    Files.writeString(file, text);
    long[] idx = {-1, 5, -1_000_000_000_000L};
    assertArrayEquals(new float[] {-1, -2, -3, 4, 5, 6}, runJit(file, idx, new long[] {3, 1}));
    assertRefused(file, idx, new long[] {3, 1}, "scatter_nd index 5 is out of range for an axis of 2");
  }

  private Path module(String name, String op, String indices, String result) throws Exception {
    String data = "tensor<2x3xf32>";
    String text = "\"builtin.module\"() ({\n  \"func.func\"() ({\n  ^bb0(%arg0: " + data + ", %arg1: " + indices + "):\n"
        + "    %r = " + op + " : (" + data + ", " + indices + ") -> " + result + "\n"
        + "    \"func.return\"(%r) : (" + result + ") -> ()\n"
        + "  }) {function_type = (" + data + ", " + indices + ") -> " + result + ", sym_name = \"" + name + "\"} : () -> ()\n}) : () -> ()\n";
    Path file = dir.resolve(name + ".mlir");
    Files.writeString(file, text);
    return file;
  }

  private static float[] runJit(Path file, long[] idx, long[] shape) throws Exception {
    try (SolTensor d = SolTensor.of(new long[] {2, 3}, DATA);
         SolTensor i = SolTensor.of(shape, idx);
         SolModel jit = SolModel.compile(file, new SolOptions());
         SolModel.Result got = jit.run(Map.of("input_0", d, "input_1", i))) {
      return got.get("output_0").toFloatArray();
    }
  }

  private static void assertRefused(Path file, long[] idx, long[] shape, String message) throws Exception {
    try (SolTensor d = SolTensor.of(new long[] {2, 3}, DATA);
         SolTensor i = SolTensor.of(shape, idx);
         SolModel interp = SolModel.compile(file, new SolOptions().backend(SolOptions.Backend.INTERPRETER))) {
      Exception e = assertThrows(Exception.class, () -> interp.run(Map.of("input_0", d, "input_1", i)).close());
      assertEquals(true, String.valueOf(e.getMessage()).contains(message), e.toString());
    }
  }
}
