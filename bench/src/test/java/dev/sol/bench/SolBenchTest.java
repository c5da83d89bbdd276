package dev.sol.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** sol-bench end to end on small inputs: it checks agreement first and prints both medians and the ratio (no timing is asserted). */
class SolBenchTest {
  private static String run(int expectedStatus, String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(expectedStatus, new CommandLine(new SolBench()).execute(args));
    } finally {
      System.setOut(saved);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test void gemmPrintsBothThroughputsAndTheRatio() {
    String out = run(0, "--gemm", "24,16,8", "--runs", "5");
    assertTrue(out.matches("(?s).*outputs agree \\(rtol 1e-3, atol 1e-4 or 1e-4 of the output's largest magnitude\\) on 1 output\\(s\\); largest difference [0-9.]+e[-+][0-9]+ of that magnitude\n.*"), out);
    assertTrue(out.matches("(?s).*SOL median latency: +[0-9.]+ ms +\\([0-9.]+ GFLOPS\\).*"), out);
    assertTrue(out.matches("(?s).*ONNX Runtime median latency: +[0-9.]+ ms +\\([0-9.]+ GFLOPS\\).*"), out);
    assertTrue(out.matches("(?s).*ratio SOL/ONNX Runtime: [0-9.]+ .*"), out);
    assertTrue(out.matches("(?s).*fraction of the FMA peak: SOL [0-9.]+, ONNX Runtime [0-9.]+\n.*"), out);
  }

  @Test void peakAloneMeasuresTheFmaLoop() {
    String out = run(0, "--peak");
    assertTrue(out.matches("FMA peak: [0-9.]+ GFLOPS \\(one core, f32, vector<(4|8|16)xf32>, (12|24) accumulators\\)\n"), out);
    double gflops = Double.parseDouble(out.substring("FMA peak: ".length(), out.indexOf(" GFLOPS")));
    assertTrue(gflops > 1, out);
  }

  @Test void aModelFromTheTestData() {
    String out = run(0, "../testdata/generated/net_mobilenet/model.onnx", "--runs", "5");
    assertTrue(out.contains("outputs agree"), out);
    assertTrue(out.contains("runs: 5 each, alternating"), out);
  }

  /** A batch left symbolic is benchmarked at 1 unless --shape chooses, and the report says which. */
  @Test void openDimensionsAreBenchmarkedAtOne(@TempDir Path dir) throws Exception {
    OnnxMl.ModelProto net = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(Path.of("../testdata/generated/net_mobilenet/model.onnx")));
    OnnxMl.ModelProto.Builder b = net.toBuilder();
    b.getGraphBuilder().getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(0).clearDimValue().setDimParam("batch");
    b.getGraphBuilder().getOutputBuilder(0).getTypeBuilder().getTensorTypeBuilder().clearShape();
    String model = dir.resolve("batch.onnx").toString();
    Files.write(Path.of(model), b.build().toByteArray());
    String out = run(0, model, "--runs", "3");
    assertTrue(out.contains("input 'input' has open dimension batch: benchmarked as input=1,3,32,32 (choose with --shape)"), out);
    assertTrue(out.contains("outputs agree"), out);
    String chosen = run(0, model, "--runs", "3", "--shape", "input=2,3,32,32");
    assertTrue(!chosen.contains("open dimension") && chosen.contains("outputs agree"), chosen);
  }

  /** A model ONNX Runtime refuses (here an IR version newer than it reads) is named in a one-line error, not an internal error. */
  @Test void aModelOnnxRuntimeCannotLoadIsAnError(@TempDir Path dir) throws Exception {
    OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(Path.of("../testdata/generated/net_mobilenet/model.onnx")));
    Path newer = dir.resolve("ir_version_99.onnx");
    Files.write(newer, model.toBuilder().setIrVersion(99).build().toByteArray());
    PrintStream saved = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      run(1, newer.toString(), "--runs", "5");
    } finally {
      System.setErr(saved);
    }
    String err = buffer.toString(StandardCharsets.UTF_8);
    assertTrue(err.startsWith("sol-bench: error: ONNX Runtime cannot run " + newer + ": "), err);
    assertTrue(err.contains("IR version"), err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test void libgompOnThreadsGetsANoteUnlessChosen() {
    String lib = dev.sol.codegen.llvm.OpenMpRuntime.LIBGOMP;
    assertTrue(SolBench.openMpHint(2, lib, null).contains("libomp5"));
    assertNull(SolBench.openMpHint(1, lib, null));
    assertNull(SolBench.openMpHint(2, dev.sol.codegen.llvm.OpenMpRuntime.LIBOMP, null));
    assertNull(SolBench.openMpHint(2, lib, lib));
    assertTrue(SolBench.openMpHint(2, lib, " ").contains("libomp5"));
  }

  @Test void badArgumentsAreRejected() {
    run(1, "--gemm", "1,2");
    run(1);
    run(1, "--no-winograd", "--winograd-f4", "--gemm", "24,16,8");
  }
}
