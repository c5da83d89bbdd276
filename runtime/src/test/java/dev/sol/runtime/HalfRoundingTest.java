package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Casting f64 to f16 rounds once, to the nearest f16 (ties to even), in the interpreter and in
 * the JIT alike. The JIT used to fail to link (LLVM calls __truncdfhf2 for it, which the JIT
 * does not have), and rounding through f32 to nearest twice gets the values below wrong: the
 * first rounding lands on an f16 tie (or on the overflow threshold) that the second breaks the
 * wrong way.
 */
class HalfRoundingTest {
  @TempDir Path dir;

  private static final double[] VALUES = {
      1 + 0x1p-11 + 0x1p-30,   // above the tie between 1 and 1 + 2^-10: up (through f32: 1)
      -(1 + 0x1p-11 + 0x1p-30),
      1 + 0x1p-11,             // the tie itself: to even, 1
      1 + 3 * 0x1p-11 - 0x1p-30, // below the tie between 1 + 2^-10 and 1 + 2^-9: down (through f32: up)
      65520 - 0x1p-20,         // below the overflow threshold: 65504 (through f32: 65520, then infinity)
      65520,                   // the threshold: infinity
      0x1p-25 + 0x1p-60,       // above half the smallest subnormal: 2^-24 (through f32: 0)
      1e300, -1e-300, 0.1, 3.14159, Double.NaN};

  private static final float[] EXPECTED = {
      1 + 0x1p-10f, -(1 + 0x1p-10f), 1, 1 + 0x1p-10f, 65504, Float.POSITIVE_INFINITY, 0x1p-24f,
      Float.POSITIVE_INFINITY, -0f, Float.float16ToFloat((short) 0x2e66), Float.float16ToFloat((short) 0x4248), Float.NaN};

  @Test void doubleToHalfRoundsOnceInBothBackends() throws Exception {
    int n = VALUES.length;
    String in = "tensor<" + n + "xf64>";
    String out = "tensor<" + n + "xf16>";
    Path file = dir.resolve("cast.mlir");
    Files.writeString(file, "\"builtin.module\"() ({\n  \"func.func\"() ({\n  ^bb0(%arg0: " + in + "):\n"
        + "    %r = \"nn.cast\"(%arg0) : (" + in + ") -> " + out + "\n    \"func.return\"(%r) : (" + out + ") -> ()\n"
        + "  }) {function_type = (" + in + ") -> " + out + ", sym_name = \"cast\"} : () -> ()\n}) : () -> ()\n");
    for (SolOptions.Backend backend : SolOptions.Backend.values()) {
      if (backend == SolOptions.Backend.VE_C) continue;
      try (SolTensor x = SolTensor.of(new long[] {n}, VALUES);
           SolModel model = SolModel.compile(file, new SolOptions().backend(backend));
           SolModel.Result r = model.run(Map.of("input_0", x))) {
        float[] got = r.get("output_0").toFloatArray();
        for (int i = 0; i < n; i++) {
          assertEquals(Float.isNaN(EXPECTED[i]) ? "NaN" : Float.toString(EXPECTED[i]),
              Float.isNaN(got[i]) ? "NaN" : Float.toString(got[i]), backend + ": " + VALUES[i]);
        }
      }
    }
  }
}
