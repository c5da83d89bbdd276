package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sol.dialect.nn.Tensor;
import dev.sol.frontend.onnx.TensorProtos;
import dev.sol.runtime.ConformanceCase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The AArch64 route end to end: a convolutional network is imported, lowered with sol-cpu,
 * compiled to an AArch64 object with sol-translate, cross-linked with a generated C harness
 * by aarch64-linux-gnu-gcc and run under qemu-aarch64; its output must match ONNX Runtime's.
 * .ci/run installs the cross tools; without them the test is skipped, saying why.
 */
class AArch64CrossTest {
  private static final Path NET = Path.of("..", "testdata", "generated", "net_squeezenet");

  private static boolean available(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static void exec(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
  }

  @Test void convNetRunsUnderQemu(@TempDir Path dir) throws Exception {
    assumeTrue(available("aarch64-linux-gnu-gcc") && available("qemu-aarch64"),
        "aarch64-linux-gnu-gcc or qemu-aarch64 is missing (apt-get install gcc-aarch64-linux-gnu qemu-user); the AArch64 route is not tested");
    Path nn = dir.resolve("net.mlir");
    Path loops = dir.resolve("loops.mlir");
    assertEquals(0, new CommandLine(new SolImport()).execute(NET.resolve("model.onnx").toString(), "-o", nn.toString()));
    assertEquals(0, SolOpt.run(new String[] {nn.toString(), "--pipeline=cpu", "-o", loops.toString()}, System.out, System.err));
    assertEquals(0, new CommandLine(new SolTranslate()).execute(loops.toString(), "--target=obj", "--triple=aarch64-unknown-linux-gnu",
        "--cpu=cortex-a72", "--symbol-prefix=model_", "-o", dir.resolve("net.o").toString()));
    assertEquals(0, new CommandLine(new SolTranslate()).execute(loops.toString(), "--target=c-harness", "--symbol-prefix=model_",
        "-o", dir.resolve("harness.c").toString()));
    exec(dir, "aarch64-linux-gnu-gcc", "-O2", "harness.c", "net.o", "-lm", "-o", "net");

    Tensor input = TensorProtos.read(Files.readAllBytes(NET.resolve("test_data_set_0/input_0.pb")));
    ByteBuffer in = ByteBuffer.allocate(input.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < input.size(); i++) in.putFloat((float) input.get(i));
    Files.write(dir.resolve("in.bin"), in.array());
    exec(dir, "qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "./net", "in.bin", "out.bin");

    Tensor expected = TensorProtos.read(Files.readAllBytes(NET.resolve("test_data_set_0/output_0.pb")));
    ByteBuffer out = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("out.bin"))).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(expected.size() * 4, out.capacity());
    double[] values = new double[expected.size()];
    for (int i = 0; i < values.length; i++) values[i] = out.getFloat();
    Tensor actual = Tensor.ofDoubles(expected.element(), expected.shape(), values);
    assertNull(ConformanceCase.compare(actual, expected, 1e-3, 1e-5));
  }
}
