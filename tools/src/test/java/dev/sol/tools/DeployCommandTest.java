package dev.sol.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sol-deploy's command line: a static library for a model with symbolic dimensions, and one clear line for each kind of bad request. */
class DeployCommandTest {
  private static final String NET = Path.of("..", "testdata", "generated", "net_squeezenet", "model.onnx").toString();
  private static final String SYMBOLIC = Path.of("..", "lit-tests", "onnx", "Inputs", "symbolic_case", "model.onnx").toString();

  private record Result(int status, String out, String err) {}

  private static Result deploy(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DeployCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Asserts that deploying the SqueezeNet with {@code args} fails with exactly {@code message} on one line. */
  private static void assertError(String message, Path dir, String... args) {
    List<String> all = new ArrayList<>(List.of(NET, "-o", dir.resolve("out").toString()));
    all.addAll(List.of(args));
    Result r = deploy(all.toArray(String[]::new));
    assertEquals(new Result(1, "", "sol-deploy: error: " + message + "\n"), r);
  }

  @Test void staticLibraryOfAModelWithSymbolicDimensions(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sub").resolve("out");
    Result r = deploy(SYMBOLIC, "--shape", "x=2,3", "--static", "--lib-name=Sym", "--func-name=relu", "-o", out.toString());
    assertEquals(new Result(0, "wrote " + out.resolve("libSym.a") + " and " + out.resolve("Sym.h") + "\n", ""), r);
    String header = Files.readString(out.resolve("Sym.h"));
    assertTrue(header.startsWith("#ifndef __Sym__\n#define __Sym__\n", header.indexOf("#ifndef")), header);
    assertTrue(header.contains("void relu_init(const int deviceIdx);\n"), header);
    assertTrue(header.contains("int  relu_seed(const int seed);\n"), header);
    assertTrue(header.contains("void relu     (void* ctx, const float* input, float** output);\n"), header);
    assertTrue(header.contains("#define Sym_INPUT_0_SHAPE {2, 3}\n"), header);
    String members = new String(new ProcessBuilder("ar", "t", out.resolve("libSym.a").toString()).start().getInputStream().readAllBytes());
    assertEquals("Sym_api.o\nSym_model.o\n", members);
  }

  @Test void inputsNeededAsConstants(@TempDir Path dir) throws Exception {
    Path test = Path.of("..", "testdata", "onnx-node", "test_reshape_reduced_dims");
    String model = test.resolve("model.onnx").toString();
    assertEquals(new Result(1, "", "sol-deploy: error: " + model + ": node 'reshaped' (Reshape): the shape (input #1) comes from graph input "
        + "'shape', whose value must be known when compiling; give it with --constant shape=FILE.pb\n"),
        deploy(model, "--lib-name=R", "-o", dir.toString()));
    assertEquals(new Result(1, "", "sol-deploy: error: --constant expects NAME=FILE.pb, got 'shape'\n"),
        deploy(model, "--lib-name=R", "-o", dir.toString(), "--constant", "shape"));
    Result r = deploy(model, "--lib-name=R", "-o", dir.toString(), "--constant", "shape=" + test.resolve("test_data_set_0/input_1.pb"));
    assertEquals(0, r.status(), r.err());
    assertTrue(Files.readString(dir.resolve("R.h")).contains("#define R_NUM_INPUTS 1\n"));
  }

  @Test void sourcesForTheVectorEngine(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("ve");
    Result r = deploy(NET, "--device=ve", "--lib-name=Sq", "--threads=1", "-o", out.toString());
    assertEquals(0, r.status(), r.err());
    assertEquals("wrote the sources of Sq for NEC SX-Aurora and " + out.resolve("Makefile") + "; build them with make (ncc) in " + out + "\n", r.out());
    for (String f : List.of("Makefile", "Sq.h", "Sq_api.c", "Sq_model.c", "Sq_offload.c", "Sq_weights.s", "Sq.weights")) {
      assertTrue(java.nio.file.Files.exists(out.resolve(f)), f);
    }
    assertError("--static is for CPU libraries; with --device=ve the Makefile builds with ncc (make NCC=... to change it)", dir, "--device=ve",
        "--static", "--lib-name=Sq");
    assertError("--triple is for CPU libraries; with --device=ve the Makefile builds with ncc (make NCC=... to change it)", dir, "--device=ve",
        "--triple=aarch64-unknown-linux-gnu", "--lib-name=Sq");
    assertError("unknown --device 'gpu' (expected cpu or ve)", dir, "--device=gpu", "--lib-name=Sq");
  }

  @Test void unknownTriple(@TempDir Path dir) {
    assertError("unsupported target triple 'riscv64-unknown-linux-gnu' (supported: x86_64-*, aarch64-*)", dir, "--lib-name=Net",
        "--triple=riscv64-unknown-linux-gnu");
    assertError("target triple 'x86_64-apple-darwin' is not a Linux one: sol-deploy builds ELF libraries for Linux (e.g. "
        + "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu)", dir, "--lib-name=Net", "--triple=x86_64-apple-darwin");
  }

  @Test void unknownCpuOrFeatures(@TempDir Path dir) {
    assertError("unknown CPU 'skylake' for aarch64-unknown-linux-gnu; known: generic, cortex-a53, cortex-a55, cortex-a72, cortex-a76, "
        + "cortex-a78, neoverse-n1, neoverse-n2, neoverse-v1, neoverse-v2, apple-m1, apple-m2, a64fx", dir, "--lib-name=Net",
        "--triple=aarch64-unknown-linux-gnu", "--cpu=skylake");
    assertError("invalid features 'avx2': expected a comma-separated list like +avx2,-fma", dir, "--lib-name=Net", "--features=avx2");
  }

  @Test void symbolicDimensionsWithoutShape(@TempDir Path dir) {
    Result r = deploy(SYMBOLIC, "--lib-name=Sym", "-o", dir.toString());
    assertEquals(new Result(1, "", "sol-deploy: error: " + SYMBOLIC + ": graph input 'x' has symbolic dimension 'n'; give its shape with "
        + "--shape x=d0,d1,... (SolOptions.shape in the Java API)\n"), r);
  }

  @Test void outputDirectoryThatCannotBeWritten(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "");
    for (String[] c : new String[][] {{file.toString(), "'" + file + "' is a file"}, {file + "/sub", "not a directory"}}) {
      Result r = deploy(NET, "--lib-name=Net", "-o", c[0]);
      assertEquals(new Result(1, "", "sol-deploy: error: cannot write to the output directory '" + c[0] + "': " + c[1] + "\n"), r);
    }
  }

  @Test void namesThatAreNoCIdentifiers(@TempDir Path dir) {
    String identifier = "a C identifier has only letters, digits and '_' and does not start with a digit";
    assertError("library name '1Net' is not a C identifier: " + identifier, dir, "--lib-name=1Net");
    assertError("library name 'my-net' is not a C identifier: " + identifier, dir, "--lib-name=my-net");
    assertError("function name 'predict()' cannot name the C API: " + identifier, dir, "--lib-name=Net", "--func-name=predict()");
    assertError("function name 'class' cannot name the C API: it is a C or C++ keyword", dir, "--lib-name=Net", "--func-name=class");
    assertError("function name 'main' cannot name the C API: it would define the program's main", dir, "--lib-name=Net", "--func-name=main");
  }

  @Test void missingCompiler(@TempDir Path dir) {
    assertError("the C compiler 'no-such-cc' was not found; sol-deploy needs it to build the library: install the C tools "
        + "(Debian: apt-get install gcc binutils)", dir, "--lib-name=Net", "--cc=no-such-cc");
  }

  @Test void badThreadsAndMissingOptions(@TempDir Path dir) {
    assertError("threads must be at least 1, got 0", dir, "--lib-name=Net", "--threads=0");
    assertError("--winograd-f4 needs Winograd convolutions, which --no-winograd turns off; give one of them", dir, "--lib-name=Net",
        "--no-winograd", "--winograd-f4");
    assertEquals(new Result(1, "", "sol-deploy: Missing required option: '--lib-name=LIB'\n"), deploy(NET, "-o", dir.toString()));
  }
}
