package dev.sol.tools.deploy;

import dev.sol.codegen.llvm.Targets;
import dev.sol.runtime.SolException;
import dev.sol.runtime.SolOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Deploys a model as a plain C library: {@code libLIB.so} (or {@code libLIB.a}) and
 * {@code LIB.h} with SOL's API ({@code FUNC_init}, {@code FUNC_seed}, {@code FUNC} and what a
 * C programmer needs beside them, see the header). The library holds the network's code,
 * compiled as the JIT compiles it, and its weights as read-only data; at run time it needs
 * only the C library and libm. The C compiler of the target ({@code cc}, or
 * {@code aarch64-linux-gnu-gcc} for AArch64) compiles the glue and links.
 *
 * <pre>{@code
 * SolDeploy.Library lib = new SolDeploy("MyNetwork", "predict")
 *     .target("aarch64-unknown-linux-gnu", "cortex-a72", null)
 *     .deploy(Path.of("net.onnx"), new SolOptions().shape("data", 1, 3, 224, 224), Path.of("out"));
 * }</pre>
 */
public final class SolDeploy {
  private final String libName;
  private final String funcName;
  private boolean staticLibrary;
  private String triple;
  private String cpu;
  private String features;
  private String compiler;

  /** What a deployment wrote: the library and its header. */
  public record Library(Path library, Path header) {}

  /**
   * A deployment as {@code lib<libName>} with the API {@code <funcName>(...)}; both must be C
   * identifiers (and the function not {@code main}).
   *
   * @throws IllegalArgumentException for a name that is not a C identifier
   */
  public SolDeploy(String libName, String funcName) {
    String problem = CSyntax.identifierProblem(libName);
    if (problem != null) throw new IllegalArgumentException("library name '" + libName + "' is not a C identifier: " + problem);
    problem = "main".equals(funcName) ? "it would define the program's main" : CSyntax.identifierProblem(funcName);
    if (problem != null) throw new IllegalArgumentException("function name '" + funcName + "' cannot name the C API: " + problem);
    this.libName = libName;
    this.funcName = funcName;
  }

  /** A static library ({@code libLIB.a}) instead of a shared one. */
  public SolDeploy staticLibrary(boolean value) {
    staticLibrary = value;
    return this;
  }

  /**
   * The machine to build for: a Linux triple (null: this machine's), a CPU name and features
   * such as {@code +avx2,-fma}. With all three null the code is for this machine's CPU and all
   * its features, as the JIT's is; otherwise the CPU (generic when null) with only the given
   * features.
   */
  public SolDeploy target(String triple, String cpu, String features) {
    this.triple = triple;
    this.cpu = cpu;
    this.features = features;
    return this;
  }

  /** The C compiler that compiles the glue and links (default: cc, or ARCH-linux-gnu-gcc for another architecture). */
  public SolDeploy compiler(String command) {
    this.compiler = command;
    return this;
  }

  /**
   * Compiles {@code model} (.onnx, or .mlir in the nn dialect) with the shapes, constants and
   * threads of {@code options} and writes the library and header into {@code outputDir},
   * creating it if needed. Errors are one line, naming the file, option or tool at fault.
   */
  public Library deploy(Path model, SolOptions options, Path outputDir) throws SolException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    DeployTarget target = DeployTarget.resolve(triple, cpu, features);
    Toolchain tools = Toolchain.forTarget(target.triple(), Targets.hostTriple(), compiler);
    tools.check(staticLibrary);
    prepare(outputDir);
    ModelObject object = ModelObject.compile(model, options, target, funcName + "__sol_");
    CInterface c = new CInterface(libName, funcName, object.inputs(), object.outputs(), object.entrySymbol(), object.arguments(), object.temporaryBytes(), object.threads(),
        model.getFileName() == null ? model.toString() : model.getFileName().toString(), target.describe());
    Path library = outputDir.resolve("lib" + libName + (staticLibrary ? ".a" : ".so"));
    Path header = outputDir.resolve(libName + ".h");
    Path work = null;
    try {
      work = Files.createTempDirectory("sol-deploy");
      String headerText = HeaderWriter.write(c);
      Files.writeString(work.resolve(libName + ".h"), headerText, StandardCharsets.UTF_8);
      Path glue = work.resolve(libName + "_api.c");
      Files.writeString(glue, GlueWriter.write(c), StandardCharsets.UTF_8);
      Path modelObject = work.resolve(libName + "_model.o");
      Files.write(modelObject, object.object());
      Path glueObject = work.resolve(libName + "_api.o");
      tools.compile(glue, glueObject, work);
      List<Path> objects = List.of(glueObject, modelObject);
      Files.deleteIfExists(library);
      if (staticLibrary) tools.archive(objects, library);
      else tools.linkShared(objects, library, c.threads() > 1);
      Files.writeString(header, headerText, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SolException("cannot write the library: " + e.getMessage());
    } finally {
      if (work != null) deleteTree(work);
    }
    return new Library(library, header);
  }

  /**
   * Writes {@code model} for NEC's SX-Aurora vector engine into {@code outputDir}: C sources for
   * NEC's compiler, the header, and a Makefile that builds {@code libLIB.so} and {@code LIB.vso}
   * with {@code ncc} (see {@link VePackage}). The target, static and compiler settings are for
   * CPUs and do not apply. Returns the Makefile.
   */
  public Path deployVe(Path model, SolOptions options, Path outputDir) throws SolException {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    prepare(outputDir);
    return VePackage.write(model, options, libName, funcName, outputDir);
  }

  /** Creates the output directory and checks that files can be written there, before any work starts. */
  private static void prepare(Path dir) throws SolException {
    Objects.requireNonNull(dir, "outputDir");
    String problem = null;
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      problem = "'" + e.getFile() + "' is a file";
    } catch (AccessDeniedException e) {
      problem = "permission denied";
    } catch (NoSuchFileException e) {
      problem = "it cannot be created there";
    } catch (FileSystemException e) {
      problem = e.getReason() != null ? e.getReason().toLowerCase(Locale.ROOT) : String.valueOf(e.getMessage());
    } catch (IOException e) {
      problem = String.valueOf(e.getMessage());
    }
    if (problem != null) throw new SolException("cannot write to the output directory '" + dir + "': " + problem);
    if (!Files.isWritable(dir)) throw new SolException("cannot write to the output directory '" + dir + "': permission denied");
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover temporary folder is no reason to fail a deployment that worked
    }
  }
}
