package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache of compiled models: a second compile of the same model loads the machine code and
 * gets ONNX Runtime's results; other options are other entries; a damaged or foreign entry is
 * compiled again and rewritten, never loaded.
 */
class ModelCacheTest {
  private static final Path NET = Path.of("..", "testdata", "generated", "net_resnet");

  private static SolModel compile(Path cache, int threads) throws Exception {
    return SolModel.compile(NET.resolve("model.onnx"), new SolOptions().threads(threads).cacheDir(cache));
  }

  /** Runs the network on its test input and compares with ONNX Runtime's output. */
  private static void assertRunsRight(SolModel model) throws Exception {
    SolTensor input = SolTensor.fromTensorProto(Files.readAllBytes(NET.resolve("test_data_set_0/input_0.pb")));
    SolTensor expected = SolTensor.fromTensorProto(Files.readAllBytes(NET.resolve("test_data_set_0/output_0.pb")));
    try (SolModel.Result r = model.run(Map.of(model.inputs().keySet().iterator().next(), input))) {
      assertNull(ConformanceCase.compare(r.get(r.names().getFirst()), expected, 1e-3, 1e-5));
    }
  }

  @Test void theSecondCompileLoadsTheMachineCode(@TempDir Path cache) throws Exception {
    Map<String, TensorInfo> inputs;
    try (SolModel first = compile(cache, 1)) {
      assertFalse(first.fromCache());
      assertPhases(first, List.of("read and import", "lower", "translate", "optimize", "codegen", "link"));
      // The lowering's passes in pipeline order, each run once or more, within the lower phase.
      assertEquals(List.of("nn-conv-transpose-phases", "nn-fold-batchnorm", "nn-fold-constants", "nn-conv1d-as-2d", "nn-conv3d-as-2d", "nn-avg-pool-first", "canonicalize", "nn-raise-gelu", "nn-fuse", "convert-nn-to-loops", "bufferize",
          "memory-plan",
          "cse", "loop-invariant-code-motion"), List.copyOf(first.lowerPasses().keySet()).subList(0, 14));
      double passes = first.lowerPasses().values().stream().mapToDouble(Double::doubleValue).sum();
      assertTrue(passes > 0 && passes <= first.compilePhases().get("lower") + 0.001, passes + " ms of passes in " + first.compilePhases());
      inputs = first.inputs();
      assertRunsRight(first);
    }
    List<String> keys = new ModelCache(cache).keys();
    assertEquals(1, keys.size());
    assertTrue(Files.size(cache.resolve(keys.getFirst() + ".o")) > 0);
    assertTrue(Files.size(cache.resolve(keys.getFirst() + ".weights")) > 0, "the large constants are stored beside the object");
    try (SolModel second = compile(cache, 1)) {
      assertTrue(second.fromCache());
      assertPhases(second, List.of("read and cache lookup", "link"));
      assertEquals(Map.of(), second.lowerPasses(), "nothing was lowered");
      assertEquals(inputs.toString(), second.inputs().toString());
      assertRunsRight(second);
    }
    try (SolModel twoThreads = compile(cache, 2)) {
      assertFalse(twoThreads.fromCache(), "other threads are other code");
      assertRunsRight(twoThreads);
    }
    assertEquals(2, new ModelCache(cache).keys().size());
  }

  /** The compile phases are these, in order, and add up to no more than the compile time. */
  private static void assertPhases(SolModel model, List<String> names) {
    assertEquals(names, List.copyOf(model.compilePhases().keySet()));
    double sum = model.compilePhases().values().stream().mapToDouble(Double::doubleValue).sum();
    assertTrue(model.compilePhases().values().stream().allMatch(ms -> ms >= 0), model.compilePhases().toString());
    assertTrue(sum <= model.compileTime().toNanos() / 1e6 + 0.001, sum + " ms of phases in " + model.compileTime());
  }

  @Test void aDamagedEntryIsCompiledAgain(@TempDir Path cache) throws Exception {
    compile(cache, 1).close();
    String key = new ModelCache(cache).keys().getFirst();
    Path object = cache.resolve(key + ".o");
    byte[] bytes = Files.readAllBytes(object);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) bytes[i] ^= (byte) 0x5a;
    Files.write(object, bytes);
    try (SolModel model = compile(cache, 1)) {
      assertFalse(model.fromCache(), "a damaged object is not loaded");
      assertRunsRight(model);
    }
    assertNotEquals(List.of(bytes), List.of(Files.readAllBytes(object)));
    try (SolModel model = compile(cache, 1)) {
      assertTrue(model.fromCache(), "the entry was rewritten");
    }
    Path weights = cache.resolve(key + ".weights");
    byte[] w = Files.readAllBytes(weights);
    w[w.length / 3] ^= (byte) 0x01;
    Files.write(weights, w);
    try (SolModel model = compile(cache, 1)) {
      assertFalse(model.fromCache(), "damaged weights are not loaded");
      assertRunsRight(model);
    }
    Path meta = cache.resolve(key + ".properties");
    assertTrue(Files.readString(meta).contains("format=sol-model-cache-5"));
    Files.writeString(meta, Files.readString(meta).replace("format=sol-model-cache-5", "format=something-else"));
    try (SolModel model = compile(cache, 1)) {
      assertFalse(model.fromCache(), "a foreign entry is not loaded");
      assertRunsRight(model);
    }
    Files.writeString(meta, "not a cache entry");
    try (SolModel model = compile(cache, 1)) {
      assertFalse(model.fromCache());
    }
  }

  @Test void withoutACacheDirectoryNothingIsWritten(@TempDir Path dir) throws Exception {
    try (SolModel model = SolModel.compile(NET.resolve("model.onnx"), new SolOptions().threads(1))) {
      assertFalse(model.fromCache());
    }
    assertEquals(List.of(), new ModelCache(dir).keys());
  }

  /** The key's digest of a model's bytes changes with any one byte, in a full block or the last short one, and with the length. */
  @Test void theContentDigestSeesEveryByte() {
    byte[] model = new byte[(3 << 20) + 1000];
    new java.util.Random(7).nextBytes(model);
    byte[] digest = ModelCache.contentDigest(java.nio.ByteBuffer.wrap(model));
    assertEquals(java.util.HexFormat.of().formatHex(digest), java.util.HexFormat.of().formatHex(ModelCache.contentDigest(java.nio.ByteBuffer.wrap(model.clone()))));
    for (int at : new int[] {0, 12345, (1 << 20) - 1, 1 << 20, 3 << 20, model.length - 1}) {
      byte[] changed = model.clone();
      changed[at] ^= 0x40;
      assertFalse(java.util.Arrays.equals(digest, ModelCache.contentDigest(java.nio.ByteBuffer.wrap(changed))), "byte " + at);
    }
    assertFalse(java.util.Arrays.equals(digest, ModelCache.contentDigest(java.nio.ByteBuffer.wrap(java.util.Arrays.copyOf(model, model.length + 1)))));
    // A view of the same bytes at another position of a larger buffer:
    byte[] padded = new byte[model.length + 10];
    System.arraycopy(model, 0, padded, 10, model.length);
    assertTrue(java.util.Arrays.equals(digest, ModelCache.contentDigest(java.nio.ByteBuffer.wrap(padded, 10, model.length).slice().position(0))));
    assertTrue(java.util.Arrays.equals(digest, ModelCache.contentDigest(java.nio.ByteBuffer.wrap(padded).position(10))));
  }
}
