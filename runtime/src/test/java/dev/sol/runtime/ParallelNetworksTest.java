package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.codegen.llvm.OpenMpRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated networks on two OpenMP threads, every loop that can be parallel made so
 * (parallel work 1, so that these small networks run the parallel code everywhere): the
 * outputs match ONNX Runtime's, and they are bit for bit those of one thread, since each
 * thread computes whole outputs in the order one thread would.
 */
class ParallelNetworksTest {
  private static final Path GENERATED = Path.of("..", "testdata", "generated");

  static Stream<String> networks() throws IOException {
    try (Stream<Path> s = Files.list(GENERATED)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest @MethodSource("networks")
  void twoThreadsMatchOnnxRuntimeAndOneThreadBitForBit(String net) throws Exception {
    Path dir = GENERATED.resolve(net);
    SolTensor input = SolTensor.fromTensorProto(Files.readAllBytes(dir.resolve("test_data_set_0/input_0.pb")));
    SolTensor expected = SolTensor.fromTensorProto(Files.readAllBytes(dir.resolve("test_data_set_0/output_0.pb")));
    byte[] two = run(dir, new SolOptions().threads(2).parallelWork(1), input, expected);
    byte[] one = run(dir, new SolOptions().threads(1), input, null);
    assertArrayEquals(one, two, "two threads must give one thread's results exactly");
  }

  @Test void oneThreadGivesTheSameBitsEveryRun() throws Exception {
    Path dir = GENERATED.resolve("net_densenet");
    SolTensor input = SolTensor.fromTensorProto(Files.readAllBytes(dir.resolve("test_data_set_0/input_0.pb")));
    try (SolModel model = SolModel.compile(dir.resolve("model.onnx"), new SolOptions().threads(1))) {
      String name = model.inputs().keySet().iterator().next();
      List<float[]> outputs = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        try (SolModel.Result r = model.run(Map.of(name, input))) {
          outputs.add(r.get(r.names().getFirst()).toFloatArray());
        }
      }
      assertArrayEquals(outputs.get(0), outputs.get(1), 0f);
      assertArrayEquals(outputs.get(0), outputs.get(2), 0f);
    }
  }

  @Test void theOpenMpRuntimeIsLoadedWithAShortSpinUnlessTheEnvironmentChose() throws Throwable {
    boolean chosen = OpenMpRuntime.getenv("OMP_WAIT_POLICY") != null;
    String spinCount = OpenMpRuntime.getenv("GOMP_SPINCOUNT");
    String blockTime = OpenMpRuntime.getenv("KMP_BLOCKTIME");
    try (SolModel model = SolModel.compile(GENERATED.resolve("net_resnet/model.onnx"), new SolOptions().threads(2))) {
      assertEquals(1, model.inputs().size());
    }
    String loaded = OpenMpRuntime.loaded();
    // libomp where it is installed (as CI installs it on x86-64 Debian), else libgomp, unless SOL_OPENMP chose.
    if (OpenMpRuntime.getenv("SOL_OPENMP") == null) {
      if (Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libomp.so.5"))) assertEquals(OpenMpRuntime.LIBOMP, loaded);
      else assertTrue(loaded.equals(OpenMpRuntime.LIBOMP) || loaded.equals(OpenMpRuntime.LIBGOMP), loaded);
    }
    assertTrue(Files.readString(Path.of("/proc/self/maps")).contains(loaded.substring(loaded.lastIndexOf('/') + 1)), loaded);
    if (!chosen) {
      assertEquals(spinCount != null ? spinCount : OpenMpRuntime.SPIN_COUNT, OpenMpRuntime.getenv("GOMP_SPINCOUNT"));
      assertEquals(blockTime != null ? blockTime : OpenMpRuntime.BLOCK_TIME, OpenMpRuntime.getenv("KMP_BLOCKTIME"));
    }
  }

  /** The output of one run as bytes, after checking it against {@code expected} (null: no check; any element type). */
  private static byte[] run(Path dir, SolOptions options, SolTensor input, SolTensor expected) throws Exception {
    try (SolModel model = SolModel.compile(dir.resolve("model.onnx"), options);
         SolModel.Result r = model.run(Map.of(model.inputs().keySet().iterator().next(), input))) {
      SolTensor out = r.get(r.names().getFirst());
      if (expected != null) assertNull(ConformanceCase.compare(out, expected, 1e-3, 1e-5));
      return out.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
    }
  }
}
