package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.codegen.llvm.CHarness;
import dev.sol.codegen.ve.CEmitter;
import dev.sol.ir.Operation;
import dev.sol.ir.Symbols;
import dev.sol.runtime.ConformanceCase;
import dev.sol.runtime.LoweredModel;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The C of NEC's vector engine for whole networks, compiled by gcc with AddressSanitizer and
 * UndefinedBehaviorSanitizer (any report aborts the run) and run by the C harness on the test
 * set's input: no out-of-bounds access, no overflow the C does not define, and the outputs
 * ONNX Runtime computed.
 */
class VeCSanitizerTest {
  private static final Path NETS = Path.of("..", "testdata", "generated");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"net_alexnet", "net_densenet", "net_inception", "net_mobilenet", "net_resnet", "net_shufflenet", "net_squeezenet", "net_vgg"})
  void wholeNetworksRunCleanUnderTheSanitizers(String net) throws Exception {
    Path model = NETS.resolve(net).resolve("model.onnx");
    LoweredModel lowered = LoweredModel.lowerForVe(model, new SolOptions().threads(1));
    Operation entry = Symbols.lookupIn(lowered.module(), lowered.entry());
    CEmitter.Output c = CEmitter.emit(lowered.module(), new CEmitter.Options("sol_", 1, Long.MAX_VALUE));
    assertEquals(0, c.weights().length, "every constant inline");
    Files.writeString(dir.resolve("model.c"), c.source());
    Files.writeString(dir.resolve("harness.c"), CHarness.generate(entry, "sol_" + lowered.entry(), lowered.inputs().size()));
    Path exe = dir.resolve("run");
    Path object = dir.resolve("model.o");
    List<String> sanitize = List.of("-fsanitize=address,undefined", "-fno-sanitize-recover=all");
    List<String> compile = new ArrayList<>(List.of("gcc", "-std=c99", "-O1", "-g", "-Wall", "-Werror", "-Wno-unknown-pragmas"));
    compile.addAll(sanitize);
    compile.addAll(List.of("-c", "-o", object.toString(), dir.resolve("model.c").toString()));
    run(compile);
    // The harness is C11 (aligned_alloc); only the emitted C must be C99.
    List<String> link = new ArrayList<>(List.of("gcc", "-std=c11", "-O1", "-g"));
    link.addAll(sanitize);
    link.addAll(List.of("-o", exe.toString(), object.toString(), dir.resolve("harness.c").toString(), "-lm"));
    run(link);
    Path data = NETS.resolve(net).resolve("test_data_set_0");
    List<String> command = new ArrayList<>(List.of(exe.toString()));
    for (int i = 0; i < lowered.inputs().size(); i++) {
      try (SolTensor t = SolTensor.fromTensorProto(Files.readAllBytes(data.resolve("input_" + i + ".pb")))) {
        Path raw = dir.resolve("input_" + i + ".bin");
        Files.write(raw, t.segment().toArray(ValueLayout.JAVA_BYTE));
        command.add(raw.toString());
      }
    }
    for (int k = 0; k < lowered.outputs().size(); k++) command.add(dir.resolve("output_" + k + ".bin").toString());
    run(command);
    int k = 0;
    for (var out : lowered.outputs().values()) {
      byte[] got = Files.readAllBytes(dir.resolve("output_" + k + ".bin"));
      try (SolTensor actual = SolTensor.of(out.shape(), out.elementType(), MemorySegment.ofArray(got));
           SolTensor expected = SolTensor.fromTensorProto(Files.readAllBytes(data.resolve("output_" + k + ".pb")))) {
        assertNull(ConformanceCase.compare(actual, expected, 1e-3, 1e-4), net + " output " + k);
      }
      k++;
    }
  }

  /** Runs a command; it must exit 0 (a sanitizer report exits non-zero), its output is the message otherwise. */
  private static void run(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("ASAN_OPTIONS", "detect_leaks=0");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "timed out: " + command);
    assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + log);
  }
}
