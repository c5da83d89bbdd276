package dev.sol.tools.deploy;

import static dev.sol.tools.deploy.NativeRuns.TESTDATA;
import static dev.sol.tools.deploy.NativeRuns.assertMatches;
import static dev.sol.tools.deploy.NativeRuns.available;
import static dev.sol.tools.deploy.NativeRuns.buildDriver;
import static dev.sol.tools.deploy.NativeRuns.exec;
import static dev.sol.tools.deploy.NativeRuns.rawInput;
import static dev.sol.tools.deploy.NativeRuns.runner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sol.runtime.SolOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole networks deployed as C libraries for this machine, called from a C program (the
 * driver) and compared with ONNX Runtime's outputs; what the library exports and needs; its
 * errors at run time; the C example.
 */
class DeployedNetworksTest {
  private static final List<String> API = List.of("", "_init", "_seed", "_ctx_create", "_ctx_destroy", "_run", "_last_error", "_num_inputs",
      "_num_outputs", "_input_info", "_output_info");

  /** Deploys a network for one thread (serial code without OpenMP). */
  private static SolDeploy.Library deploy(String network, Path dir, boolean staticLibrary) throws Exception {
    return deploy(network, dir, staticLibrary, new SolOptions().threads(1));
  }

  private static SolDeploy.Library deploy(String network, Path dir, boolean staticLibrary, SolOptions options) throws Exception {
    return new SolDeploy("Net", "predict").staticLibrary(staticLibrary)
        .deploy(TESTDATA.resolve(network).resolve("model.onnx"), options, dir.resolve("lib"));
  }

  /** Runs the driver in {@code mode} on the network's test input and compares its output with ONNX Runtime's. */
  private static void runAndCompare(String network, Path driver, String mode, boolean aarch64) throws Exception {
    Path data = TESTDATA.resolve(network).resolve("test_data_set_0");
    Path dir = driver.getParent();
    rawInput(data.resolve("input_0.pb"), dir.resolve("in0.raw"));
    exec(dir, runner(driver, aarch64, mode, "in0.raw", "out0.raw"));
    assertMatches(dir.resolve("out0.raw"), data.resolve("output_0.pb"), network + " (" + mode + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"generated/net_alexnet", "generated/net_densenet", "generated/net_inception", "generated/net_mobilenet",
      "generated/net_resnet", "generated/net_shufflenet", "generated/net_squeezenet", "generated/net_vgg", "onnx-light/light_squeezenet",
      "onnx-light/light_shufflenet"})
  void sharedLibraryMatchesOnnxRuntime(String network, @TempDir Path dir) throws Exception {
    SolDeploy.Library lib = deploy(network, dir, false);
    assertEquals("libNet.so", lib.library().getFileName().toString());
    runAndCompare(network, buildDriver(lib, "predict", "cc"), "predict", false);
  }

  @Test void staticLibraryRunsThroughTheGeneralEntryWithAContext(@TempDir Path dir) throws Exception {
    SolDeploy.Library lib = deploy("generated/net_resnet", dir, true);
    assertEquals("libNet.a", lib.library().getFileName().toString());
    runAndCompare("generated/net_resnet", buildDriver(lib, "predict", "cc"), "run", false);
  }

  @Test void severalThreadsWithTheirOwnContextsGetTheSameResults(@TempDir Path dir) throws Exception {
    SolDeploy.Library lib = deploy("generated/net_mobilenet", dir, false);
    runAndCompare("generated/net_mobilenet", buildDriver(lib, "predict", "cc"), "threads", false);
  }

  /**
   * On two threads with every loop that can parallel, the library runs its loops through
   * libgomp, and several calling threads (each with its own team) get ONNX Runtime's results.
   */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void onTwoThreadsTheLibraryUsesLibgompAndMatches(boolean staticLibrary, @TempDir Path dir) throws Exception {
    SolDeploy.Library lib = deploy("generated/net_resnet", dir, staticLibrary, new SolOptions().threads(2).parallelWork(1));
    assertTrue(Files.readString(lib.header()).contains(" * A run computes on 2 OpenMP threads (libgomp;"), "header");
    if (!staticLibrary) {
      String needed = exec(dir, List.of("readelf", "-d", lib.library().toString()));
      assertTrue(needed.contains("[libgomp.so.1]"), needed);
      String symbols = exec(dir, List.of("nm", "-D", "--undefined-only", lib.library().toString()));
      assertTrue(symbols.contains("GOMP_parallel"), symbols);
    }
    Path driver = buildDriver(lib, "predict", "cc");
    runAndCompare("generated/net_resnet", driver, "run", false);
    runAndCompare("generated/net_resnet", driver, "threads", false);
  }

  @Test void exportsOnlyTheApiAndNeedsOnlyTheCLibraryAndLibm(@TempDir Path dir) throws Exception {
    SolDeploy.Library lib = deploy("generated/net_densenet", dir, false);
    String so = lib.library().toString();
    Set<String> exported = Arrays.stream(exec(dir, List.of("nm", "-D", "--defined-only", so)).split("\n"))
        .filter(l -> !l.isBlank()).map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(API.stream().map(s -> "predict" + s).collect(Collectors.toCollection(TreeSet::new)), exported);
    for (String line : exec(dir, List.of("ldd", so)).split("\n")) {
      String library = line.strip().split(" ")[0];
      assertTrue(library.startsWith("linux-vdso") || library.startsWith("libc.so") || library.startsWith("libm.so")
          || library.contains("ld-linux"), "the library needs " + line.strip());
    }
  }

  @Test void errorsAtRunTimeAreCodesAndMessages(@TempDir Path dir) throws Exception {
    SolDeploy.Library lib = deploy("generated/net_squeezenet", dir, false);
    Path driver = buildDriver(lib, "predict", "cc");
    assertEquals("""
        init(1): device 1 does not exist: libNet runs on the CPU, device 0
        run after init(1): 3 device 1 does not exist: libNet runs on the CPU, device 0 (see predict_init)
        init(0): ''
        outputs NULL: 1 outputs is NULL; predict_run needs an array of 1 output
        output 0 NULL: 1 output 0 ('softmax38') is NULL
        bad ctx: 2 ctx is neither NULL nor a context from predict_ctx_create
        predict: ''
        seed: 0 42 7
        info: 1 1 input NULL
        """, exec(dir, runner(driver, false, "errors")));
  }

  @Test void theHeaderCompilesAsCpp(@TempDir Path dir) throws Exception {
    assumeTrue(available("g++"), "g++ is missing; the header is not checked as C++");
    SolDeploy.Library lib = deploy("generated/net_inception", dir, false);
    Files.writeString(dir.resolve("use.cpp"), """
        #include "Net.h"
        int main() { float in[Net_INPUT_0_SIZE] = {}, out[Net_OUTPUT_0_SIZE]; float* o[] = {out}; predict_init(0); predict(nullptr, in, o); }
        """);
    exec(dir, List.of("g++", "-Wall", "-Werror", "-I", lib.header().getParent().toString(), "-c", "use.cpp", "-o", "use.o"));
  }

  @Test void theCExampleClassifies(@TempDir Path dir) throws Exception {
    Path lib = new SolDeploy("MyNetwork", "predict").deploy(TESTDATA.resolve("generated/net_squeezenet/model.onnx"), new SolOptions(),
        dir.resolve("lib")).library().getParent();
    Path example = Path.of("..", "examples", "c", "classify.c").toAbsolutePath().normalize();
    exec(dir, List.of("cc", "-O2", "-Wall", "-Werror", "-I", lib.toString(), example.toString(), "-L", lib.toString(), "-lMyNetwork",
        "-Wl,-rpath," + lib, "-lm", "-o", "classify"));
    String out = exec(dir, List.of(dir.resolve("classify").toString(),
        TESTDATA.resolve("generated/net_squeezenet/test_data_set_0/input_0.pb").toString()));
    assertTrue(out.startsWith("softmax38: 10 classes\nclass    7: 0.18307\nclass    9: 0.12968\n"), out);
  }
}
