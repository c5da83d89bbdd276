package dev.sol.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A whole network compiled with profiling: one kernel per nn op, named after its ONNX nodes,
 * every run counted, the kernels' times adding up to the function's, which a clock outside the
 * call confirms, and outputs bit for bit those of the model compiled without profiling.
 */
class SolModelProfileTest {
  private static final Path CASE = Path.of("..", "testdata", "generated", "net_resnet");
  private static final int RUNS = 30;

  @Test void profilesEveryKernelOfANetworkWithoutChangingItsOutputs() throws Exception {
    float[] pixels = SolTensor.fromTensorProto(Files.readAllBytes(CASE.resolve("test_data_set_0/input_0.pb"))).toFloatArray();
    float[] plain;
    try (SolModel model = SolModel.compile(CASE.resolve("model.onnx"), new SolOptions());
         SolTensor x = SolTensor.of(new long[] {1, 3, 32, 32}, pixels);
         SolModel.Result r = model.run(Map.of("input", x))) {
      plain = r.get("softmax80").toFloatArray();
      IllegalStateException e = assertThrows(IllegalStateException.class, model::profile);
      assertEquals("the model was compiled without SolOptions.profile(true)", e.getMessage());
    }
    try (SolModel model = SolModel.compile(CASE.resolve("model.onnx"), new SolOptions().profile(true));
         SolTensor x = SolTensor.of(new long[] {1, 3, 32, 32}, pixels)) {
      Profile before = model.profile();
      assertEquals(0, before.runs());
      assertEquals(0, before.nanos());
      double bestShare = 0;
      for (int i = 0; i < RUNS; i++) {
        Profile earlier = model.profile();
        long t0 = System.nanoTime();
        try (SolModel.Result r = model.run(Map.of("input", x))) {
          long outside = System.nanoTime() - t0;
          assertArrayEquals(plain, r.get("softmax80").toFloatArray(), "run " + i + " with profiling");
          long inside = model.profile().since(earlier).nanos();
          assertTrue(inside > 0 && inside <= outside, "run " + i + ": " + inside + " ns inside the compiled code, " + outside + " ns around the call");
          bestShare = Math.max(bestShare, (double) inside / outside);
        }
      }
      // The code outside the compiled function (argument checks, the call, the buffer pool) is small.
      assertTrue(bestShare > 0.5, "at best " + bestShare + " of a run's time is in its kernels");

      Profile p = model.profile();
      assertEquals(RUNS, p.runs());
      assertEquals(nodesOf(CASE.resolve("model.onnx")), covered(p));
      long sum = 0;
      for (Profile.Kernel k : p.kernels()) {
        assertEquals(RUNS, k.calls(), k.name());
        assertTrue(k.nanos() >= 0, k.name());
        assertTrue(k.op().startsWith("nn."), k.op());
        sum += k.nanos();
      }
      assertEquals(p.nanos(), sum, "consecutive kernels share their clock reads: their times add up to the function's");
      Profile.Kernel first = p.kernels().getFirst();
      assertEquals("conv2+batchnormalization7+relu8+maxpool9", first.name(), "batch norm folded, ReLU and max pool fused");
      assertEquals("nn.fused", first.op());
      assertEquals(2L * 16 * 32 * 32 * 3 * 3 * 3 + 16 * 32 * 32 + 16 * 16 * 16 * 3 * 3, first.flops(),
          "2 x 16x32x32 outputs x 3x3x3 multiply-adds, the ReLU's, and 16x16x16 pooled outputs of 3x3 windows");
      assertTrue(names(p).contains("conv19+batchnormalization24+add25+relu26"), "a residual block's convolution takes its add and ReLU: " + names(p));

      Profile last = model.profile().since(before);
      assertEquals(RUNS, last.runs());
      assertEquals(p.nanos(), last.nanos());
    }
  }

  /**
   * A fused group without a fused kernel (VGG's gemm + relu) is put back op by op, and its code
   * is still the group's kernel: counted at every run, and not added to the kernel before it.
   */
  @Test void aGroupLoweredOpByOpIsStillOneKernel() throws Exception {
    Path vgg = Path.of("..", "testdata", "generated", "net_vgg");
    float[] pixels = SolTensor.fromTensorProto(Files.readAllBytes(vgg.resolve("test_data_set_0/input_0.pb"))).toFloatArray();
    try (SolModel model = SolModel.compile(vgg.resolve("model.onnx"), new SolOptions().profile(true));
         SolTensor x = SolTensor.of(new long[] {1, 3, 32, 32}, pixels)) {
      for (int i = 0; i < 5; i++) model.run(Map.of("input", x)).close();
      Profile p = model.profile();
      for (Profile.Kernel k : p.kernels()) assertEquals(5, k.calls(), k.name());
      Profile.Kernel group = p.kernels().stream().filter(k -> k.name().equals("gemm31+relu32")).findFirst().orElseThrow();
      assertEquals("nn.fused", group.op());
      Profile.Kernel flatten = p.kernels().stream().filter(k -> k.name().equals("flatten28")).findFirst().orElseThrow();
      assertTrue(flatten.nanos() < group.nanos(), "the flatten (a copy of 2 KiB) took " + flatten.nanos() + " ns, the gemm + relu " + group.nanos());
    }
  }

  /** The ONNX graph's node names, sorted. */
  private static List<String> nodesOf(Path model) throws Exception {
    OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(model)).getGraph();
    return graph.getNodeList().stream().map(OnnxMl.NodeProto::getName).sorted().toList();
  }

  /**
   * The node names the kernels cover, sorted: a kernel is named after its nodes joined by '+'
   * (a batch norm folded into its convolution, a fused group); every node is in exactly one.
   */
  private static List<String> covered(Profile p) {
    return names(p).stream().flatMap(n -> java.util.Arrays.stream(n.split("\\+"))).sorted().toList();
  }

  private static List<String> names(Profile p) {
    List<String> names = new ArrayList<>();
    Set<String> unique = new HashSet<>();
    for (Profile.Kernel k : p.kernels()) {
      names.add(k.name());
      assertTrue(unique.add(k.name()), "kernel names are unique: " + k.name());
    }
    return names;
  }

  @Test void profilingNeedsTheJit() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolModel.compile(CASE.resolve("model.onnx"),
        new SolOptions().profile(true).backend(SolOptions.Backend.INTERPRETER)));
    assertEquals("SolOptions.profile times compiled code; it needs the JIT backend", e.getMessage());
  }
}
