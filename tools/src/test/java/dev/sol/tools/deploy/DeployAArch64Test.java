package dev.sol.tools.deploy;

import static dev.sol.tools.deploy.NativeRuns.TESTDATA;
import static dev.sol.tools.deploy.NativeRuns.assertMatches;
import static dev.sol.tools.deploy.NativeRuns.buildDriver;
import static dev.sol.tools.deploy.NativeRuns.exec;
import static dev.sol.tools.deploy.NativeRuns.rawInput;
import static dev.sol.tools.deploy.NativeRuns.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sol.runtime.SolOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Networks deployed for AArch64 Linux by cross-compilation, linked with aarch64-linux-gnu-gcc
 * into the C driver and run under qemu-aarch64; outputs must match ONNX Runtime's. .ci/run
 * installs the cross tools; without them the tests are skipped, saying why.
 */
class DeployAArch64Test {
  @ParameterizedTest
  @CsvSource({"generated/net_squeezenet, cortex-a72, false, predict, 1", "generated/net_resnet, generic, true, run, 2",
      "generated/net_mobilenet, neoverse-n1, false, threads, 1", "onnx-light/light_squeezenet, cortex-a72, false, predict, 1",
      "generated/net_shufflenet, neoverse-n1, false, threads, 2"})
  void libraryMatchesOnnxRuntimeUnderQemu(String network, String cpu, boolean staticLibrary, String mode, int threads, @TempDir Path dir)
      throws Exception {
    assumeTrue(NativeRuns.aarch64Available(), NativeRuns.QEMU_MISSING);
    SolOptions options = new SolOptions().threads(threads);
    if (threads > 1) options.parallelWork(1);
    SolDeploy.Library lib = new SolDeploy("Net", "predict").staticLibrary(staticLibrary).target("aarch64-unknown-linux-gnu", cpu, null)
        .deploy(TESTDATA.resolve(network).resolve("model.onnx"), options, dir.resolve("lib"));
    assertEquals(staticLibrary ? "libNet.a" : "libNet.so", lib.library().getFileName().toString());
    Path driver = buildDriver(lib, "predict", "aarch64-linux-gnu-gcc");
    Path data = TESTDATA.resolve(network).resolve("test_data_set_0");
    rawInput(data.resolve("input_0.pb"), driver.getParent().resolve("in0.raw"));
    exec(driver.getParent(), runner(driver, true, mode, "in0.raw", "out0.raw"));
    assertMatches(driver.getParent().resolve("out0.raw"), data.resolve("output_0.pb"), network + " on AArch64");
    if (!staticLibrary) {
      String needed = exec(dir, List.of("aarch64-linux-gnu-readelf", "-d", lib.library().toString()));
      for (String line : needed.split("\n")) {
        if (line.contains("(NEEDED)")) {
          assertTrue(line.contains("[libc.so.6]") || line.contains("[libm.so.6]") || threads > 1 && line.contains("[libgomp.so.1]"), line);
        }
      }
    }
  }
}
