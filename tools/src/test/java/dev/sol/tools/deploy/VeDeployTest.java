package dev.sol.tools.deploy;

import static dev.sol.tools.deploy.NativeRuns.TESTDATA;
import static dev.sol.tools.deploy.NativeRuns.assertMatches;
import static dev.sol.tools.deploy.NativeRuns.buildDriver;
import static dev.sol.tools.deploy.NativeRuns.exec;
import static dev.sol.tools.deploy.NativeRuns.rawInput;
import static dev.sol.tools.deploy.NativeRuns.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.runtime.SolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Networks deployed for NEC SX-Aurora (sources and a Makefile for ncc), built here with
 * {@code make NCC=gcc}: the C API library runs the C driver to ONNX Runtime's outputs, the
 * VEO entry point in the .vso does the same when called as a VEO host calls it, the VEDA entry
 * point compiles against VEDA's declarations, and the weights come linked in.
 */
class VeDeployTest {
  private static final Path VEO_HOST = Path.of("src", "test", "resources", "deploy", "veo_host.c").toAbsolutePath();

  @ParameterizedTest
  @CsvSource({"generated/net_resnet, 1", "generated/net_mobilenet, 2", "generated/net_inception, 1"})
  void theLibraryAndTheVeoEntryMatchOnnxRuntime(String network, int threads, @TempDir Path dir) throws Exception {
    Path out = dir.resolve("ve");
    Path makefile = new SolDeploy("Net", "predict").deployVe(TESTDATA.resolve(network).resolve("model.onnx"), new SolOptions().threads(threads), out);
    assertEquals(out.resolve("Makefile"), makefile);
    exec(out, List.of("make", "NCC=gcc"));
    // Constants over 64 KiB (ResNet's) are read from the blob that Net_weights.s links in.
    assertEquals(Files.size(out.resolve("Net.weights")) > 0, Files.readString(out.resolve("Net_model.c")).contains("(sol_weights + "));
    if (network.endsWith("resnet")) assertTrue(Files.size(out.resolve("Net.weights")) > 0, "ResNet's large constants are in the blob");
    Path data = TESTDATA.resolve(network).resolve("test_data_set_0");
    SolDeploy.Library lib = new SolDeploy.Library(out.resolve("libNet.so"), out.resolve("Net.h"));
    Path driver = buildDriver(lib, "predict", "gcc");
    rawInput(data.resolve("input_0.pb"), out.resolve("in0.raw"));
    exec(out, runner(driver, false, "predict", "in0.raw", "out0.raw"));
    assertMatches(out.resolve("out0.raw"), data.resolve("output_0.pb"), network + " through libNet.so");

    Path host = out.resolve("veo_host");
    exec(out, List.of("gcc", "-std=c11", "-O2", "-Wall", "-Werror", "-DFUNC=predict", VEO_HOST.toString(), "-o", host.toString(), "-ldl"));
    long inBytes = Files.size(out.resolve("in0.raw"));
    long outBytes = Files.size(out.resolve("out0.raw"));
    exec(out, List.of(host.toString(), out.resolve("Net.vso").toString(), "in0.raw", Long.toString(inBytes), "veo0.raw", Long.toString(outBytes)));
    assertMatches(out.resolve("veo0.raw"), data.resolve("output_0.pb"), network + " through predict_veo in Net.vso");
  }

  @Test void theVedaEntryTranslatesItsDevicePointers(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ve");
    new SolDeploy("Net", "predict").deployVe(TESTDATA.resolve("generated/net_squeezenet/model.onnx"), new SolOptions().threads(1), out);
    String offload = Files.readString(out.resolve("Net_offload.c"));
    assertTrue(offload.contains("uint64_t predict_veo(uint64_t b0, uint64_t b1, uint64_t b2) {"), offload);
    assertTrue(offload.contains("void predict_veda(VEDAdeviceptr b0, VEDAdeviceptr b1, VEDAdeviceptr b2) {"), offload);
    // VEDA's device header is not here: a stand-in with its two declarations.
    Files.writeString(dir.resolve("veda_device.h"), "#include <stdint.h>\ntypedef uint64_t VEDAdeviceptr;\nint vedaMemPtr(void **ptr, VEDAdeviceptr vptr);\n");
    exec(out, List.of("gcc", "-std=c99", "-Wall", "-Werror", "-DSOL_VEDA", "-I", dir.toString(), "-c", "Net_offload.c", "-o", "offload.o"));
  }
}
