package dev.sol.tools;

import dev.sol.runtime.ConformanceCase;
import dev.sol.runtime.Interpreter;
import dev.sol.runtime.ModelCache;
import dev.sol.runtime.OutOfBoundsAccessException;
import dev.sol.runtime.SolOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sol-run}: runs a model, or ONNX backend-test case folders, with the reference
 * interpreter or with code compiled by LLVM (the JIT backend).
 */
@Command(name = "sol-run", mixinStandardHelpOptions = true, version = "sol-run 0.1",
    description = "Runs a model or ONNX backend-test case folders, interpreted or compiled.")
public final class SolRun implements Callable<Integer> {
  @Option(names = "--backend", defaultValue = "interp", description = "Backend: interp (the reference interpreter, default), jit (compiled by LLVM for this CPU) or ve-c (the C emitted for NEC's vector engine, compiled by this machine's gcc).")
  String backend;

  @Option(names = "--no-cache", description = "Compile anew, neither reading nor writing the cache of compiled models (jit).")
  boolean noCache;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Keep compiled models in DIR (jit; default: $SOL_CACHE_DIR, else $XDG_CACHE_HOME/sol, else ~/.cache/sol).")
  Path cacheDir;

  @Option(names = "--print-timing", description = "Print the compile time (jit) and the latency of each run.")
  boolean printTiming;

  @Option(names = "--profile",
      description = "Print each kernel's (nn op's) time, GFLOP/s and fraction of this core's FMA peak, slowest first (jit; with --repeat N > 1 the first run is left out as a warm-up).")
  boolean profile;

  @Option(names = "--threads", paramLabel = "N",
      description = "OpenMP threads of one run of the compiled code (jit; default: the processors available; 1 makes serial code).")
  Integer threads;

  @Option(names = "--no-winograd", description = "Keep every convolution direct: no Winograd F(2x2,3x3) for 3x3 stride-1 convolutions (jit).")
  boolean noWinograd;

  @Option(names = "--winograd-f4", description = "Let 3x3 convolutions take Winograd's F(4x4,3x3) where it pays more: faster, errors some 1e-5 of the output's scale (jit).")
  boolean winogradF4;

  @Option(names = "--repeat", defaultValue = "1", paramLabel = "N", description = "Run the model N times on the same inputs (default 1).")
  int repeat;

  @Option(names = "--onnx-test", arity = "1..*", paramLabel = "CASE_DIR", description = "ONNX backend test case folders to run.")
  List<Path> cases = new ArrayList<>();

  @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "MODEL", description = "A model (.onnx or .mlir) to run.")
  Path model;

  @Option(names = "--input", paramLabel = "NAME=FILE.pb", description = "An input tensor (ONNX TensorProto); by position when NAME is omitted.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--constant", paramLabel = "NAME=FILE.pb",
      description = "Compile graph input NAME in as this constant (needed where the model uses an input as a shape or axes).")
  List<String> constants = new ArrayList<>();

  @Option(names = "--output-dir", paramLabel = "DIR", description = "Write each output as output_K.pb (a TensorProto named as the output) into DIR.")
  Path outputDir;

  @Option(names = "--shape", paramLabel = "NAME=D0,D1,...", description = "Shape of a graph input whose dimensions are symbolic (of the MODEL, or of every --onnx-test case).")
  List<String> shapes = new ArrayList<>();

  @Option(names = "--check-bounds", description = "Check every memory access of the generated code; an access outside a buffer fails the run, naming its location.")
  boolean checkBounds;

  @Option(names = "--rtol", defaultValue = "1e-3", description = "Relative tolerance (default 1e-3).")
  double rtol;

  @Option(names = "--atol", defaultValue = "1e-5", description = "Absolute tolerance (default 1e-5).")
  double atol;

  @Spec CommandSpec spec;

  /** Options that do something only when running one MODEL. */
  private static final List<String> MODEL_ONLY = List.of("--repeat", "--print-timing", "--profile", "--input", "--constant", "--output-dir",
      "--check-bounds");
  /** Options that do something only with --onnx-test. */
  private static final List<String> CASES_ONLY = List.of("--rtol", "--atol");

  public static void main(String[] args) {
    dev.sol.codegen.llvm.Targets.preload();
    CommandLine cli = new CommandLine(new SolRun());
    cli.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report("sol-run", ex));
    cli.setParameterExceptionHandler((ex, a) -> {
      System.err.println("sol-run: " + ex.getMessage());
      return 1;
    });
    InternalErrors.exit("sol-run", () -> cli.execute(args));
  }

  @Override public Integer call() {
    if (!backend.equals("interp") && !backend.equals("jit") && !backend.equals("ve-c")) {
      System.err.println("sol-run: error: unknown backend '" + backend + "' (expected interp, jit or ve-c)");
      return 1;
    }
    if (profile && !backend.equals("jit")) {
      System.err.println("sol-run: error: --profile times compiled code; use it with --backend=jit");
      return 1;
    }
    if (repeat < 1) {
      System.err.println("sol-run: error: --repeat must be at least 1");
      return 1;
    }
    if (threads != null && threads < 1) {
      System.err.println("sol-run: error: --threads must be at least 1");
      return 1;
    }
    if (threads != null && backend.equals("interp")) {
      System.err.println("sol-run: error: --threads applies only to compiled code (--backend=jit or ve-c); remove it");
      return 1;
    }
    if ((noWinograd || winogradF4) && !backend.equals("jit")) {
      System.err.println("sol-run: error: " + (noWinograd ? "--no-winograd" : "--winograd-f4") + " chooses the JIT's convolution kernels; use it with --backend=jit");
      return 1;
    }
    if (noWinograd && winogradF4) {
      System.err.println("sol-run: error: --winograd-f4 needs Winograd convolutions, which --no-winograd turns off; give one of them");
      return 1;
    }
    if (model != null && !cases.isEmpty()) {
      System.err.println("sol-run: error: give either a MODEL or --onnx-test cases, not both");
      return 1;
    }
    if (model == null && cases.isEmpty()) {
      System.err.println("sol-run: error: nothing to run: give a MODEL or --onnx-test CASE_DIR...");
      return 1;
    }
    // An option that does nothing in this mode is a mistake worth hearing about.
    for (String option : model != null ? CASES_ONLY : MODEL_ONLY) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        System.err.println("sol-run: error: " + option + " applies " + (model != null ? "only with --onnx-test" : "only when running a MODEL")
            + "; remove it");
        return 1;
      }
    }
    Map<String, long[]> givenShapes;
    try {
      givenShapes = SolImport.parseShapes(shapes);
    } catch (IllegalArgumentException e) {
      System.err.println("sol-run: error: " + e.getMessage());
      return 1;
    }
    if (model != null) return runModel(givenShapes);
    int passed = 0;
    int failed = 0;
    for (Path dir : cases) {
      String problem = !Files.exists(dir) ? "no such directory" : !Files.isDirectory(dir) ? "not a directory"
          : !Files.isRegularFile(dir.resolve("model.onnx")) ? "not a test case folder (no model.onnx)" : null;
      ConformanceCase.Result r = problem == null ? ConformanceCase.run(dir, rtol, atol, givenShapes, this::options)
          : new ConformanceCase.Result(dir.toString(), problem);
      if (r.failure() == null) {
        System.out.println("PASS " + r.name());
        passed++;
      } else {
        System.out.println("FAIL " + r.name() + ": " + r.failure());
        failed++;
      }
    }
    System.out.println(passed + " passed, " + failed + " failed");
    return failed == 0 ? 0 : 1;
  }

  private SolOptions.Backend backend() {
    return switch (backend) {
      case "jit" -> SolOptions.Backend.JIT;
      case "ve-c" -> SolOptions.Backend.VE_C;
      default -> SolOptions.Backend.INTERPRETER;
    };
  }

  /** Where compiled models are kept, or null with --no-cache. */
  private Path cache() { return noCache ? null : cacheDir != null ? cacheDir : ModelCache.defaultDirectory(); }

  /** Fresh options with the backend, the threads and the Winograd choices asked for. */
  private SolOptions options() {
    SolOptions o = new SolOptions().backend(backend()).winograd(!noWinograd).winogradF4(winogradF4);
    return threads == null ? o : o.threads(threads);
  }

  private int runModel(Map<String, long[]> givenShapes) {
    try {
      ModelRunner.run(new ModelRunner.Request(model, inputs, constants, givenShapes, backend(), threads, repeat, printTiming, outputDir,
          profile, checkBounds, cache(), !noWinograd, winogradF4));
      return 0;
    } catch (ModelRunner.RunException | IllegalArgumentException | Interpreter.InterpreterException | OutOfBoundsAccessException
        | IOException e) {
      System.err.println("sol-run: error: " + e.getMessage());
      return 1;
    }
  }
}
