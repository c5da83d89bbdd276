package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch that runs image by image: the JIT compiles the model for one image and calls it once
 * per image, with the results of the whole batch run layer by layer (the interpreter's); where
 * an op mixes the images, or on several threads for small products, the batch runs layer by
 * layer; the one-image code is kept in the cache as such.
 */
class ImageSlicesTest {
  private static final long[] BATCH = {3, 2, 6, 6};

  private static SolTensor images() {
    float[] data = new float[3 * 2 * 6 * 6];
    Random r = new Random(7);
    for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
    return SolTensor.of(BATCH, data);
  }

  private static SolTensor run(SolModel model) {
    try (SolModel.Result r = model.run(Map.of("image", images()))) {
      float[] probs = r.get("probs").toFloatArray();
      return SolTensor.of(new long[] {3, 3}, probs);
    }
  }

  /** The classifier's outputs for the batch, from the interpreter (every op over the whole batch). */
  private static SolTensor interpreted(int softmaxAxis) throws Exception {
    try (SolModel m = SolModel.compile(TestModels.smallClassifier(softmaxAxis), new SolOptions().backend(SolOptions.Backend.INTERPRETER).shape("image", BATCH))) {
      return run(m);
    }
  }

  @Test void oneThreadRunsTheBatchImageByImage() throws Exception {
    try (SolModel m = SolModel.compile(TestModels.smallClassifier(1), new SolOptions().threads(1).shape("image", BATCH));
         SolModel one = SolModel.compile(TestModels.smallClassifier(1), new SolOptions().threads(1).shape("image", 1, 2, 6, 6))) {
      assertEquals(3, m.imageSlices());
      assertEquals(1, one.imageSlices());
      assertEquals(one.arenaBytes(), m.arenaBytes(), "the arena is one image's");
      assertEquals(3, m.outputs().get("probs").shape()[0]);
      assertNull(ConformanceCase.compare(run(m), interpreted(1), 1e-4, 1e-6));
    }
  }

  @Test void smallProductsOnTwoThreadsKeepTheBatch() throws Exception {
    try (SolModel m = SolModel.compile(TestModels.smallClassifier(1), new SolOptions().threads(2).shape("image", BATCH))) {
      assertEquals(1, m.imageSlices());
      assertNull(ConformanceCase.compare(run(m), interpreted(1), 1e-4, 1e-6));
    }
  }

  @Test void aSoftmaxAcrossTheImagesKeepsTheBatch() throws Exception {
    try (SolModel m = SolModel.compile(TestModels.smallClassifier(0), new SolOptions().threads(1).shape("image", BATCH))) {
      assertEquals(1, m.imageSlices());
      SolTensor probs = run(m);
      assertNull(ConformanceCase.compare(probs, interpreted(0), 1e-4, 1e-6));
      // Each class's probabilities over the three images sum to 1: the images were mixed.
      float[] p = probs.toFloatArray();
      for (int c = 0; c < 3; c++) assertEquals(1.0, p[c] + p[3 + c] + p[6 + c], 1e-5);
    }
  }

  @Test void theCacheKeepsTheOneImageCode(@TempDir Path cache) throws Exception {
    SolOptions options = new SolOptions().threads(1).shape("image", BATCH).cacheDir(cache);
    SolTensor first;
    try (SolModel m = SolModel.compile(TestModels.smallClassifier(1), options)) {
      first = run(m);
    }
    try (SolModel m = SolModel.compile(TestModels.smallClassifier(1), options)) {
      assertTrue(m.fromCache());
      assertEquals(3, m.imageSlices());
      assertNull(ConformanceCase.compare(run(m), first, 0, 0));
    }
  }

  /** Which ops keep the images apart: a function of the nn dialect on a batch of 4 (its ops separated by "; "), on one thread. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "softmax over features | 4 | %y = \"nn.softmax\"(%x) {axis = 1 : i64} : (tensor<4x5xf32>) -> tensor<4x5xf32>",
      "softmax over images   | 1 | %y = \"nn.softmax\"(%x) {axis = 0 : i64} : (tensor<4x5xf32>) -> tensor<4x5xf32>",
      "sum over features     | 4 | %s = \"nn.reduce_sum\"(%x) {axes = array<i64: 1>} : (tensor<4x5xf32>) -> tensor<4x1xf32>; %y = \"nn.add\"(%x, %s) : (tensor<4x5xf32>, tensor<4x1xf32>) -> tensor<4x5xf32>",
      "sum over images       | 1 | %s = \"nn.reduce_sum\"(%x) {axes = array<i64: 0>} : (tensor<4x5xf32>) -> tensor<1x5xf32>; %y = \"nn.add\"(%x, %s) : (tensor<4x5xf32>, tensor<1x5xf32>) -> tensor<4x5xf32>",
      "a constant per image  | 1 | %c = \"nn.constant\"() {value = dense<1.0> : tensor<4x5xf32>} : () -> tensor<4x5xf32>; %y = \"nn.add\"(%x, %c) : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>",
      "a constant row        | 4 | %c = \"nn.constant\"() {value = dense<1.0> : tensor<1x5xf32>} : () -> tensor<1x5xf32>; %y = \"nn.add\"(%x, %c) : (tensor<4x5xf32>, tensor<1x5xf32>) -> tensor<4x5xf32>",
      "images times weights  | 4 | %w = \"nn.constant\"() {value = dense<1.0> : tensor<5x5xf32>} : () -> tensor<5x5xf32>; %y = \"nn.matmul\"(%x, %w) : (tensor<4x5xf32>, tensor<5x5xf32>) -> tensor<4x5xf32>",
      "images times images   | 1 | %t = \"nn.transpose\"(%x) {perm = array<i64: 1, 0>} : (tensor<4x5xf32>) -> tensor<5x4xf32>; %g = \"nn.matmul\"(%x, %t) : (tensor<4x5xf32>, tensor<5x4xf32>) -> tensor<4x4xf32>; %y = \"nn.matmul\"(%g, %x) : (tensor<4x4xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>",
  })
  void opsThatMixTheImagesKeepTheBatch(String what, long expected, String body) throws Exception {
    String text = "\"func.func\"() ({\n^bb0(%x: tensor<4x5xf32>):\n  " + body.replace("; ", "\n  ") + "\n  \"func.return\"(%y) : (tensor<4x5xf32>) -> ()\n"
        + "}) {function_type = (tensor<4x5xf32>) -> tensor<4x5xf32>, sym_name = \"main\"} : () -> ()\n";
    LoadedModel model = LoadedModel.load(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), "slices.mlir", true, new SolOptions());
    assertEquals(expected, ImageSlices.images(model, 1, 32L << 20), what);
  }
}
