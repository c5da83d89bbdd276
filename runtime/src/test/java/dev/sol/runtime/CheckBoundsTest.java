package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SolOptions.checkBounds: an access outside a buffer fails the run with its location instead of touching memory. */
class CheckBoundsTest {
  /**
   * Loop-level code that reads the data at indices from an input: nothing bounds them when
   * compiling (nn.gather clamps such indices into the axis, so this reads them as they are).
   */
  private static final String GATHER = """
      "builtin.module"() ({
        "func.func"() ({
        ^bb0(%d: tensor<5xf32>, %i: tensor<2xi64>):
          %dm = "bufferization.to_memref"(%d) : (tensor<5xf32>) -> memref<5xf32>
          %im = "bufferization.to_memref"(%i) : (tensor<2xi64>) -> memref<2xi64>
          %out = "memref.alloc"() {operand_segment_sizes = array<i32: 0, 0>} : () -> memref<2xf32>
          %c0 = "arith.constant"() {value = 0 : index} : () -> index
          %c1 = "arith.constant"() {value = 1 : index} : () -> index
          %c2 = "arith.constant"() {value = 2 : index} : () -> index
          "scf.for"(%c0, %c2, %c1) ({
          ^bb0(%k: index):
            %raw = "memref.load"(%im, %k) : (memref<2xi64>, index) -> i64
            %at = "arith.index_cast"(%raw) : (i64) -> index
            %v = "memref.load"(%dm, %at) : (memref<5xf32>, index) -> f32
            "memref.store"(%v, %out, %k) : (f32, memref<2xf32>, index) -> ()
            "scf.yield"() : () -> ()
          }) : (index, index, index) -> ()
          %r = "bufferization.to_tensor"(%out) : (memref<2xf32>) -> tensor<2xf32>
          "func.return"(%r) : (tensor<2xf32>) -> ()
        }) {function_type = (tensor<5xf32>, tensor<2xi64>) -> tensor<2xf32>, sym_name = "main"} : () -> ()
      }) : () -> ()
      """;

  /** Loop-level code whose vector load runs past its buffer: lanes 8..11 of a memref<10xf32>. */
  private static final String VECTOR = """
      "builtin.module"() ({
        "func.func"() ({
        ^bb0(%a: memref<10xf32>, %out: memref<4xf32>):
          %c0 = "arith.constant"() {value = 0 : index} : () -> index
          %c8 = "arith.constant"() {value = 8 : index} : () -> index
          %v = "vector.load"(%a, %c8) : (memref<10xf32>, index) -> vector<4xf32>
          "vector.store"(%v, %out, %c0) : (vector<4xf32>, memref<4xf32>, index) -> ()
          "func.return"() : () -> ()
        }) {function_type = (memref<10xf32>, memref<4xf32>) -> (), sym_name = "main"} : () -> ()
      }) : () -> ()
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test void theJitReportsAnIndexOutsideItsBufferWithTheLoadsLocation() throws Exception {
    Path file = write("gather.mlir", GATHER);
    try (SolModel model = SolModel.compile(file, new SolOptions().checkBounds(true));
         SolTensor d = SolTensor.of(new long[] {5}, new float[] {0, 1, 2, 3, 4});
         SolTensor good = SolTensor.of(new long[] {2}, new long[] {1, 4});
         SolTensor bad = SolTensor.of(new long[] {2}, new long[] {1, 7})) {
      try (SolModel.Result r = model.run(Map.of("input_0", d, "input_1", good))) {
        assertArrayEquals(new float[] {1, 4}, r.get("output_0").toFloatArray());
      }
      OutOfBoundsAccessException e = assertThrows(OutOfBoundsAccessException.class, () -> model.run(Map.of("input_0", d, "input_1", bad)));
      assertEquals(file + ":14:12: 'memref.load' at index 7 is out of bounds for dimension 0 of size 5", e.getMessage());
      // The model stays usable: the next run with good indices succeeds.
      try (SolModel.Result r = model.run(Map.of("input_0", d, "input_1", good))) {
        assertArrayEquals(new float[] {1, 4}, r.get("output_0").toFloatArray());
      }
    }
  }

  @Test void theInterpreterStopsAtAVectorLoadPastTheEnd() throws Exception {
    Path file = write("vector.mlir", VECTOR);
    try (SolModel model = SolModel.compile(file, new SolOptions().backend(SolOptions.Backend.INTERPRETER).checkBounds(true));
         SolTensor a = SolTensor.of(new long[] {10}, new float[10]);
         SolTensor out = SolTensor.of(new long[] {4}, new float[4])) {
      OutOfBoundsAccessException e = assertThrows(OutOfBoundsAccessException.class, () -> model.run(Map.of("input_0", a, "input_1", out)));
      assertEquals(file + ":6:10: 'vector.load' of 4 elements at index 8 is out of bounds for dimension 0 of size 10", e.getMessage());
    }
  }
}
