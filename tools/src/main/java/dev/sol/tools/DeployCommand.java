package dev.sol.tools;

import dev.sol.runtime.MissingConstantException;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import dev.sol.tools.deploy.SolDeploy;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sol-deploy}: a model as a plain C library and header, for x86-64 or (cross-compiled)
 * AArch64 Linux; the command-line face of {@link SolDeploy}.
 */
@Command(name = "sol-deploy", mixinStandardHelpOptions = true, version = "sol-deploy 0.1",
    description = "Compiles a model into a C library (libLIB.so or libLIB.a) and its header LIB.h.")
public final class DeployCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL", description = "The model: .onnx, or .mlir in the nn dialect.")
  Path model;

  @Option(names = "-o", required = true, paramLabel = "DIR", description = "The folder for the library and header (created if missing).")
  Path outputDir;

  @Option(names = "--lib-name", required = true, paramLabel = "LIB", description = "The library's name: libLIB.so and LIB.h (a C identifier).")
  String libName;

  @Option(names = "--func-name", defaultValue = "predict", paramLabel = "FUNC",
      description = "The name of the API: FUNC, FUNC_init, FUNC_seed, FUNC_run, ... (a C identifier; default: predict).")
  String funcName;

  @Option(names = "--static", description = "Write a static library, libLIB.a (link it with -lm), instead of libLIB.so.")
  boolean staticLibrary;

  @Option(names = "--triple", paramLabel = "TRIPLE", description = "Target: a Linux triple, e.g. aarch64-unknown-linux-gnu (default: this machine's).")
  String triple;

  @Option(names = "--cpu", paramLabel = "NAME",
      description = "Target CPU, e.g. x86-64-v3 or cortex-a72. Without --cpu and --features the code is for this machine's CPU and all its"
          + " features; otherwise for the CPU (default generic) with only the given features.")
  String cpu;

  @Option(names = "--features", paramLabel = "+F,-G", description = "Target features to add or remove, e.g. +avx2,-fma.")
  String features;

  @Option(names = "--shape", paramLabel = "NAME=D0,D1,...", description = "Shape of a graph input whose dimensions are symbolic.")
  List<String> shapes = new ArrayList<>();

  @Option(names = "--constant", paramLabel = "NAME=FILE.pb", description = "Compile graph input NAME in as this constant (a TensorProto).")
  List<String> constants = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N",
      description = "OpenMP threads for one run, fixed in the library, at least 1 (default: this machine's processors; more than one links libgomp).")
  Integer threads;

  @Option(names = "--no-winograd", description = "Keep every convolution direct: no Winograd F(2x2,3x3) for 3x3 stride-1 convolutions.")
  boolean noWinograd;

  @Option(names = "--winograd-f4", description = "Let 3x3 convolutions take Winograd's F(4x4,3x3) where it pays more: faster, errors some 1e-5 of the output's scale.")
  boolean winogradF4;

  @Option(names = "--device", paramLabel = "cpu|ve", defaultValue = "cpu",
      description = "cpu (default): a library for this or the --triple machine; ve: C sources, header and a Makefile for NEC SX-Aurora's ncc (libLIB.so and LIB.vso for VEO/VEDA offload).")
  String device;

  @Option(names = "--cc", paramLabel = "COMMAND", description = "The C compiler that compiles the glue and links (default: cc, or ARCH-linux-gnu-gcc for another architecture).")
  String compiler;

  private PrintStream out;
  private PrintStream err;

  public static void main(String[] args) {
    InternalErrors.exit("sol-deploy", () -> run(args, System.out, System.err));
  }

  /** Runs the tool with its output and messages going to {@code out} and {@code err}; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    DeployCommand tool = new DeployCommand();
    tool.out = out;
    tool.err = err;
    CommandLine cli = new CommandLine(tool);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler((ex, c, parsed) -> InternalErrors.report("sol-deploy", ex));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("sol-deploy: " + ex.getMessage());
      return 1;
    });
    return cli.execute(args);
  }

  @Override public Integer call() {
    if (noWinograd && winogradF4) {
      err.println("sol-deploy: error: --winograd-f4 needs Winograd convolutions, which --no-winograd turns off; give one of them");
      return 1;
    }
    if (!device.equals("cpu") && !device.equals("ve")) {
      err.println("sol-deploy: error: unknown --device '" + device + "' (expected cpu or ve)");
      return 1;
    }
    if (device.equals("ve")) {
      for (String[] o : new String[][] {{"--static", staticLibrary ? "" : null}, {"--triple", triple}, {"--cpu", cpu}, {"--features", features},
          {"--cc", compiler}}) {
        if (o[1] != null) {
          err.println("sol-deploy: error: " + o[0] + " is for CPU libraries; with --device=ve the Makefile builds with ncc (make NCC=... to change it)");
          return 1;
        }
      }
    }
    try {
      SolDeploy deploy = new SolDeploy(libName, funcName).staticLibrary(staticLibrary).target(triple, cpu, features).compiler(compiler);
      SolOptions options = new SolOptions();
      if (threads != null) options.threads(threads);
      options.winograd(!noWinograd).winogradF4(winogradF4);
      for (Map.Entry<String, long[]> s : SolImport.parseShapes(shapes).entrySet()) options.shape(s.getKey(), s.getValue());
      for (String spec : constants) {
        int eq = spec.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--constant expects NAME=FILE.pb, got '" + spec + "'");
        options.constant(spec.substring(0, eq), constant(Path.of(spec.substring(eq + 1))));
      }
      if (device.equals("ve")) {
        Path makefile = deploy.deployVe(model, options, outputDir);
        out.println("wrote the sources of " + libName + " for NEC SX-Aurora and " + makefile + "; build them with make (ncc) in " + outputDir);
        return 0;
      }
      SolDeploy.Library lib = deploy.deploy(model, options, outputDir);
      out.println("wrote " + lib.library() + " and " + lib.header());
      return 0;
    } catch (MissingConstantException e) {
      err.println("sol-deploy: error: " + e.problem() + "; give " + (e.inputs().size() == 1 ? "it" : "them") + " with "
          + String.join(" and ", e.inputs().stream().map(i -> "--constant " + i + "=FILE.pb").toList()));
      return 1;
    } catch (SolException | IllegalArgumentException e) {
      err.println("sol-deploy: error: " + e.getMessage());
      return 1;
    }
  }

  private static SolTensor constant(Path file) throws SolException {
    try {
      return SolTensor.fromTensorProto(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SolException("cannot read " + file + ": " + FileArgs.reason(e));
    } catch (SolException e) {
      throw new SolException(file + ": " + e.getMessage());
    }
  }
}
