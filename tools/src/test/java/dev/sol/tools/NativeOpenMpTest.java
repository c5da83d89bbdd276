package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sol.codegen.llvm.Targets;
import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.TensorProtos;
import dev.sol.lowering.LoweringPasses;
import dev.sol.lowering.TargetDescription;
import dev.sol.runtime.ConformanceCase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The route of a library deployed without a JVM, on OpenMP threads: a network lowered with
 * every loop that can be parallel made so, compiled to an object for this machine with
 * {@code sol-translate --threads 2}, linked by gcc with a generated C harness and libgomp
 * ({@code -lgomp}), and run as a plain process; the harness allocates the arena of the
 * temporaries. Its output must match ONNX Runtime's.
 */
class NativeOpenMpTest {
  private static final Path NET = Path.of("..", "testdata", "generated", "net_resnet");

  private static String exec(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
    return out;
  }

  private static boolean gcc() {
    try {
      Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @Test void resnetRunsOnTwoOpenMpThreadsWithoutAJvm(@TempDir Path dir) throws Exception {
    assumeTrue(gcc() && Targets.hostTriple().startsWith("x86_64"), "gcc for this x86-64 machine is missing; the native OpenMP route is not tested");
    Path nn = dir.resolve("net.mlir");
    Path loops = dir.resolve("loops.mlir");
    assertEquals(0, new CommandLine(new SolImport()).execute(NET.resolve("model.onnx").toString(), "-o", nn.toString()));
    Targets.VectorUnit unit = Targets.hostVectorUnit();
    String pipeline = LoweringPasses.cpuPipeline(new TargetDescription(unit.lanes(32), unit.registers(), 0, 0).withThreads(2, 1));
    assertEquals(0, SolOpt.run(new String[] {nn.toString(), "--pass-pipeline=" + pipeline, "-o", loops.toString()}, System.out, System.err));
    assertEquals(0, new CommandLine(new SolTranslate()).execute(loops.toString(), "--target=obj", "--threads", "2", "--symbol-prefix=model_",
        "-o", dir.resolve("net.o").toString()));
    assertEquals(0, new CommandLine(new SolTranslate()).execute(loops.toString(), "--target=c-harness", "--symbol-prefix=model_",
        "-o", dir.resolve("harness.c").toString()));
    exec(dir, "gcc", "-O2", "harness.c", "net.o", "-lgomp", "-lm", "-o", "net");
    assertTrue(exec(dir, "nm", "-u", "net").contains("GOMP_parallel"), "the program runs its loops through libgomp");

    Tensor input = TensorProtos.read(Files.readAllBytes(NET.resolve("test_data_set_0/input_0.pb")));
    ByteBuffer in = ByteBuffer.allocate(input.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < input.size(); i++) in.putFloat((float) input.get(i));
    Files.write(dir.resolve("in.bin"), in.array());
    exec(dir, "./net", "in.bin", "out.bin");

    Tensor expected = TensorProtos.read(Files.readAllBytes(NET.resolve("test_data_set_0/output_0.pb")));
    ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("out.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(expected.size() * 4, out.capacity());
    double[] values = new double[expected.size()];
    for (int i = 0; i < values.length; i++) values[i] = out.getFloat();
    assertNull(ConformanceCase.compare(Tensor.ofDoubles(expected.element(), expected.shape(), values), expected, 1e-3, 1e-5));
  }
}
