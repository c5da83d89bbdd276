package dev.sol.tools.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sol.runtime.ConformanceCase;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolTensor;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the deployment tests do outside Java: run the C tools, build the test driver
 * ({@code src/test/resources/deploy/driver.c}) against a deployed library, and turn ONNX
 * test data into the raw files the driver reads and back.
 */
final class NativeRuns {
  private NativeRuns() {}

  static final Path DRIVER = Path.of("src", "test", "resources", "deploy", "driver.c").toAbsolutePath();
  static final Path TESTDATA = Path.of("..", "testdata").toAbsolutePath().normalize();
  static final String QEMU_MISSING = "aarch64-linux-gnu-gcc or qemu-aarch64 is missing (apt-get install gcc-aarch64-linux-gnu qemu-user); "
      + "the AArch64 libraries are not tested";

  /** Whether a tool runs ({@code TOOL --version}). */
  static boolean available(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  static boolean aarch64Available() { return available("aarch64-linux-gnu-gcc") && available("qemu-aarch64"); }

  /** Runs a command in {@code dir}, which must succeed; returns what it printed. */
  static String exec(Path dir, List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
    return out;
  }

  /**
   * Builds the driver against a deployed library with {@code cc} ({@code aarch64-linux-gnu-gcc}
   * for AArch64); a shared library is found through the run path, a static one needs -lm.
   */
  static Path buildDriver(SolDeploy.Library lib, String func, String cc) throws IOException, InterruptedException {
    Path dir = lib.library().getParent().toAbsolutePath();
    Path driver = dir.resolve("driver");
    List<String> command = new ArrayList<>(List.of(cc, "-std=c11", "-O2", "-Wall", "-Werror", "-DFUNC=" + func,
        "-DHEADER=\"" + lib.header().getFileName() + "\"", "-I", dir.toString(), DRIVER.toString(), "-o", driver.toString()));
    if (lib.library().toString().endsWith(".a")) {
      command.add(lib.library().toAbsolutePath().toString());
      // A library built for several threads says so in its header, and then needs libgomp.
      if (Files.readString(lib.header()).contains("OpenMP threads")) command.add("-lgomp");
      command.add("-lm");
    } else {
      String name = lib.library().getFileName().toString();
      command.addAll(List.of("-L", dir.toString(), "-l" + name.substring(3, name.length() - 3), "-Wl,-rpath," + dir));
    }
    command.add("-pthread");
    exec(dir, command);
    return driver;
  }

  /** The command that runs a driver built for AArch64 under qemu, or for this machine directly. */
  static List<String> runner(Path driver, boolean aarch64, String... args) {
    List<String> command = new ArrayList<>(aarch64 ? List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu") : List.of());
    command.add(driver.toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Writes the elements of an ONNX TensorProto file as raw bytes (the byte order of both targets, little-endian). */
  static Path rawInput(Path pb, Path raw) throws IOException, SolException {
    try (SolTensor t = SolTensor.fromTensorProto(Files.readAllBytes(pb))) {
      Files.write(raw, t.segment().toArray(ValueLayout.JAVA_BYTE));
    }
    return raw;
  }

  /** Asserts that a raw output holds ONNX Runtime's expected output (a TensorProto file) within 1e-3 relative, 1e-5 absolute. */
  static void assertMatches(Path raw, Path expectedPb, String what) throws IOException, SolException {
    try (SolTensor expected = SolTensor.fromTensorProto(Files.readAllBytes(expectedPb))) {
      byte[] bytes = Files.readAllBytes(raw);
      assertEquals(expected.info().byteSize(), bytes.length, what + ": output size");
      try (SolTensor actual = SolTensor.of(expected.shape(), expected.elementType(), MemorySegment.ofArray(bytes))) {
        assertNull(ConformanceCase.compare(actual, expected, 1e-3, 1e-5), what);
      }
    }
  }
}
