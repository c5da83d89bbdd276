package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integer tensors of every signedness through both backends: the compiled code (whose
 * buffers hold signless integers) and the interpreter (the nn kernels) give exactly the values
 * that unsigned arithmetic and exact 64-bit integers give, and the API keeps the unsigned
 * element types at the boundary.
 */
class IntegerModelTest {
  private static final String MODEL = """
      "builtin.module"() ({
        "func.func"() ({
        ^bb0(%a: tensor<4xui8>, %b: tensor<4xui8>, %d: tensor<4xi8>, %e: tensor<2xui64>, %f: tensor<2xi64>, %g: tensor<2xui32>, %h: tensor<2xf32>, %p: tensor<1x1x1x4xui8>, %m: tensor<1x2xi64>):
          %c200 = "nn.constant"() {value = dense<200> : tensor<4xui8>} : () -> tensor<4xui8>
          %c2 = "nn.constant"() {value = dense<2> : tensor<1xui64>} : () -> tensor<1xui64>
          %exp = "nn.constant"() {value = dense<[39, -1]> : tensor<2xi64>} : () -> tensor<2xi64>
          %col = "nn.constant"() {value = dense<[[2147483648], [1]]> : tensor<2x1xi64>} : () -> tensor<2x1xi64>
          %0 = "nn.sub"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
          %1 = "nn.div"(%a, %b) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
          %2 = "nn.max"(%a, %c200) : (tensor<4xui8>, tensor<4xui8>) -> tensor<4xui8>
          %3 = "nn.clip"(%d) {min = -2.5 : f64, max = 100.7 : f64} : (tensor<4xi8>) -> tensor<4xi8>
          %4 = "nn.div"(%e, %c2) : (tensor<2xui64>, tensor<1xui64>) -> tensor<2xui64>
          %5 = "nn.reduce_max"(%e) : (tensor<2xui64>) -> tensor<1xui64>
          %6 = "nn.pow"(%f, %exp) : (tensor<2xi64>, tensor<2xi64>) -> tensor<2xi64>
          %7 = "nn.pow"(%h, %g) : (tensor<2xf32>, tensor<2xui32>) -> tensor<2xf32>
          %8 = "nn.cast"(%a) : (tensor<4xui8>) -> tensor<4xf32>
          %9 = "nn.max_pool"(%p) {kernel_shape = array<i64: 1, 2>, strides = array<i64: 1, 2>} : (tensor<1x1x1x4xui8>) -> tensor<1x1x1x2xui8>
          %10 = "nn.cast"(%h) : (tensor<2xf32>) -> tensor<2xui8>
          %11 = "nn.matmul"(%m, %col) : (tensor<1x2xi64>, tensor<2x1xi64>) -> tensor<1x1xi64>
          %12 = "nn.relu"(%a) : (tensor<4xui8>) -> tensor<4xui8>
          %13 = "nn.abs"(%d) : (tensor<4xi8>) -> tensor<4xi8>
          "func.return"(%0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13) : (tensor<4xui8>, tensor<4xui8>, tensor<4xui8>, tensor<4xi8>, tensor<2xui64>, tensor<1xui64>, tensor<2xi64>, tensor<2xf32>, tensor<4xf32>, tensor<1x1x1x2xui8>, tensor<2xui8>, tensor<1x1xi64>, tensor<4xui8>, tensor<4xi8>) -> ()
        }) {function_type = (tensor<4xui8>, tensor<4xui8>, tensor<4xi8>, tensor<2xui64>, tensor<2xi64>, tensor<2xui32>, tensor<2xf32>, tensor<1x1x1x4xui8>, tensor<1x2xi64>) -> (tensor<4xui8>, tensor<4xui8>, tensor<4xui8>, tensor<4xi8>, tensor<2xui64>, tensor<1xui64>, tensor<2xi64>, tensor<2xf32>, tensor<4xf32>, tensor<1x1x1x2xui8>, tensor<2xui8>, tensor<1x1xi64>, tensor<4xui8>, tensor<4xi8>), sym_name = "main"} : () -> ()
      }) : () -> ()
      """;

  private static SolTensor bytes(ElementType type, long[] shape, int... values) {
    byte[] data = new byte[values.length];
    for (int i = 0; i < data.length; i++) data[i] = (byte) values[i];
    return SolTensor.of(shape, type, MemorySegment.ofArray(data));
  }

  @ParameterizedTest @EnumSource(SolOptions.Backend.class)
  void unsignedAndWideIntegersAreExact(SolOptions.Backend backend, @TempDir Path dir) throws IOException, SolException {
    Path file = dir.resolve("integers.mlir");
    Files.writeString(file, MODEL);
    Map<String, SolTensor> in = new LinkedHashMap<>();
    in.put("input_0", bytes(ElementType.UINT8, new long[] {4}, 1, 250, 200, 7));
    in.put("input_1", bytes(ElementType.UINT8, new long[] {4}, 5, 3, 100, 7));
    in.put("input_2", SolTensor.of(new long[] {4}, new byte[] {-128, -3, 0, 127}));
    in.put("input_3", SolTensor.of(new long[] {2}, ElementType.UINT64, MemorySegment.ofArray(new long[] {-2, Long.MIN_VALUE})));
    in.put("input_4", SolTensor.of(new long[] {2}, new long[] {3, 2}));
    in.put("input_5", SolTensor.of(new long[] {2}, ElementType.UINT32, MemorySegment.ofArray(new int[] {3, (int) 4_000_000_000L})));
    in.put("input_6", SolTensor.of(new long[] {2}, new float[] {2, 200.7f}));
    in.put("input_7", bytes(ElementType.UINT8, new long[] {1, 1, 1, 4}, 10, 200, 130, 5));
    in.put("input_8", SolTensor.of(new long[] {1, 2}, new long[] {1L << 31, 1}));
    try (SolModel model = SolModel.compile(file, new SolOptions().backend(backend));
         SolModel.Result r = model.run(in)) {
      assertEquals(List.of(ElementType.UINT8, ElementType.UINT8, ElementType.INT8, ElementType.UINT64, ElementType.INT64, ElementType.UINT32,
          ElementType.FLOAT, ElementType.UINT8, ElementType.INT64), model.inputs().values().stream().map(TensorInfo::elementType).toList());
      assertEquals(ElementType.UINT64, model.outputs().get("output_4").elementType());
      assertArrayEquals(new long[] {252, 247, 100, 0}, r.get("output_0").toLongArray());
      assertArrayEquals(new long[] {0, 83, 2, 1}, r.get("output_1").toLongArray());
      assertArrayEquals(new long[] {200, 250, 200, 200}, r.get("output_2").toLongArray());
      assertArrayEquals(new long[] {-2, -2, 0, 100}, r.get("output_3").toLongArray());
      // (2^64 - 2) / 2 and 2^63 / 2, unsigned; the maximum is 2^64 - 2, whose bits are -2.
      assertArrayEquals(new long[] {Long.MAX_VALUE, 1L << 62}, r.get("output_4").toLongArray());
      assertArrayEquals(new long[] {-2}, r.get("output_5").toLongArray());
      // 3^39 needs 62 bits, more than a double holds; 2^-1 truncates to 0.
      assertArrayEquals(new long[] {4052555153018976267L, 0}, r.get("output_6").toLongArray());
      // 4000000000 as ui32 is a huge exponent, not a negative one.
      assertArrayEquals(new float[] {8, Float.POSITIVE_INFINITY}, r.get("output_7").toFloatArray());
      assertArrayEquals(new float[] {1, 250, 200, 7}, r.get("output_8").toFloatArray());
      assertArrayEquals(new long[] {200, 130}, r.get("output_9").toLongArray());
      assertArrayEquals(new long[] {2, 200}, r.get("output_10").toLongArray());
      assertArrayEquals(new long[] {(1L << 62) + 1}, r.get("output_11").toLongArray());
      // relu keeps unsigned values above 127; abs of -128 wraps to itself, as in two's complement.
      assertArrayEquals(new long[] {1, 250, 200, 7}, r.get("output_12").toLongArray());
      assertArrayEquals(new long[] {-128, 3, 0, 127}, r.get("output_13").toLongArray());
    }
  }
}
