package dev.sol.tools;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What {@code bin/sol-java} trains the JDK's ahead-of-time cache on (JEP 514/515), once after
 * each build: sol-opt on the bundled example and sol-run compiling and running the bundled
 * SqueezeNet with the JIT, output discarded. The classes both paths need (the parser and
 * printer; the importer, the passes, the lowering, the LLVM bindings and the runtime) are then
 * in the cache, loaded and linked. Trained on sol-opt alone, a ResNet-50 compile loaded the
 * rest from the jars: its import, lowering and translation took 0.2-0.3 s longer.
 */
public final class AotTraining {
  private AotTraining() {}

  /** {@code args[0]}: the root of the built tree. */
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
    PrintStream out = System.out;
    PrintStream err = System.err;
    System.setOut(sink);
    System.setErr(sink);
    // Whatever fails here only trains less: the cache is still written (a launcher whose training
    // failed would train again on every run).
    try {
      SolOpt.run(new String[] {root.resolve("examples/mlp.mlir").toString(), "-p", "canonicalize,cse"}, sink, sink);
      Path squeezenet = root.resolve("testdata/onnx-light/light_squeezenet");
      new CommandLine(new SolRun()).execute("--backend=jit", "--no-cache", "--threads=1", squeezenet.resolve("model.onnx").toString(),
          "--input", squeezenet.resolve("test_data_set_0/input_0.pb").toString());
    } catch (RuntimeException e) {
      // Trained on what ran before it.
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
