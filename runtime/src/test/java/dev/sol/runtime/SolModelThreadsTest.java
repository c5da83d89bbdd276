package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A whole network compiled once and run from two threads at once on different inputs: every
 * result must equal its own expectation (ONNX Runtime's output for the test input), which
 * fails if the compiled code or the buffer pool shared state between runs. The code itself
 * runs on two OpenMP threads in every loop that can be parallel, so each calling thread drives
 * its own team.
 */
class SolModelThreadsTest {
  private static final Path CASE = Path.of("..", "testdata", "generated", "net_resnet");
  private static final int RUNS = 200;

  @Test void twoThreadsRunTheSameModelAndGetTheirOwnResults() throws Exception {
    try (SolModel model = SolModel.compile(CASE.resolve("model.onnx"), new SolOptions().threads(2).parallelWork(1));
         SolTensor expectedA = SolTensor.fromTensorProto(Files.readAllBytes(CASE.resolve("test_data_set_0/output_0.pb")))) {
      assertEquals("{input=tensor<1x3x32x32xf32>}", model.inputs().toString());
      assertEquals("{softmax80=tensor<1x10xf32>}", model.outputs().toString());
      float[] pixels = SolTensor.fromTensorProto(Files.readAllBytes(CASE.resolve("test_data_set_0/input_0.pb"))).toFloatArray();
      long[] shape = {1, 3, 32, 32};
      // Thread A's input is on the heap (copied into the model's buffers), thread B's is native and aligned (read in place).
      SolTensor a = SolTensor.of(shape, pixels);
      SolTensor b = SolTensor.allocate(shape, ElementType.FLOAT);
      for (int i = 0; i < pixels.length; i++) b.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, -pixels[pixels.length - 1 - i]);
      float[] expectedB;
      try (SolModel.Result r = model.run(Map.of("input", b))) {
        expectedB = r.get("softmax80").toFloatArray();
      }
      try (SolModel.Result r = model.run(Map.of("input", a))) {
        assertNull(ConformanceCase.compare(r.get("softmax80"), expectedA, 1e-3, 1e-5));
        assertNotNull(ConformanceCase.compare(r.get("softmax80"), SolTensor.of(new long[] {1, 10}, expectedB), 1e-3, 1e-5),
            "the two inputs must give different outputs for the test to mean anything");
      }
      SolTensor wantB = SolTensor.of(new long[] {1, 10}, expectedB);
      float[] bBefore = b.toFloatArray();
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<List<String>>> done = new ArrayList<>();
        for (Map.Entry<SolTensor, SolTensor> job : Map.of(a, expectedA, b, wantB).entrySet()) {
          done.add(pool.submit(() -> {
            start.await();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
              try (SolModel.Result r = model.run(Map.of("input", job.getKey()))) {
                String d = ConformanceCase.compare(r.get("softmax80"), job.getValue(), 1e-3, 1e-5);
                if (d != null) problems.add("run " + i + ": " + d);
              }
            }
            return problems;
          }));
        }
        for (Future<List<String>> f : done) assertEquals(List.of(), f.get());
      } finally {
        pool.shutdown();
      }
      assertArrayEquals(bBefore, b.toFloatArray(), "compiled code only reads its inputs");
      b.close();
    }
  }
}
