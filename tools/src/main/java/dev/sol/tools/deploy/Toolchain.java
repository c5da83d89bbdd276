package dev.sol.tools.deploy;

import dev.sol.runtime.SolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system's C compiler and archiver for a target, which compile the C glue and link the
 * library: {@code cc} and {@code ar} for the host's architecture, {@code ARCH-linux-gnu-gcc}
 * and {@code ARCH-linux-gnu-ar} (Debian's cross tools) for another.
 *
 * @param cc the C compiler, also the linker driver
 * @param ar the archiver, for static libraries
 * @param hint how to install them, for the error when one is missing
 */
record Toolchain(String cc, String ar, String hint) {
  /** The tools for a Linux triple; {@code cc} non-null overrides the compiler. */
  static Toolchain forTarget(String triple, String hostTriple, String cc) {
    String arch = triple.substring(0, triple.indexOf('-'));
    if (hostTriple.startsWith(arch + "-")) {
      return new Toolchain(cc != null ? cc : "cc", "ar", "install the C tools (Debian: apt-get install gcc binutils)");
    }
    String prefix = arch + "-linux-gnu-";
    return new Toolchain(cc != null ? cc : prefix + "gcc", prefix + "ar",
        "install the cross tools for " + triple + " (Debian: apt-get install gcc-" + arch.replace('_', '-') + "-linux-gnu)");
  }

  /** Checks that the compiler (and for a static library the archiver) runs, before the slow work starts. */
  void check(boolean archiver) throws SolException {
    run(cc, List.of(cc, "--version"));
    if (archiver) run(ar, List.of(ar, "--version"));
  }

  /** Compiles C source into a position-independent object. */
  void compile(Path source, Path object, Path includeDir) throws SolException {
    run(cc, List.of(cc, "-std=c11", "-O2", "-fPIC", "-Wall", "-I", includeDir.toString(), "-c", source.toString(), "-o", object.toString()));
  }

  /**
   * Links objects into a shared library that needs nothing but the C library and libm (and
   * libgomp, gcc's OpenMP runtime, when the code runs on threads): libgcc is linked in
   * statically, every symbol must resolve ({@code -z defs}) and the code must be
   * position-independent ({@code -z text}: no relocations in it).
   */
  void linkShared(List<Path> objects, Path library, boolean openMp) throws SolException {
    List<String> command = new ArrayList<>(List.of(cc, "-shared", "-o", library.toString()));
    for (Path o : objects) command.add(o.toString());
    command.addAll(List.of("-Wl,-soname," + library.getFileName(), "-Wl,-z,defs", "-Wl,-z,text", "-Wl,-z,noexecstack", "-static-libgcc"));
    if (openMp) command.add("-lgomp");
    command.add("-lm");
    run(cc, command);
  }

  /** Archives objects into a static library (with a symbol index). */
  void archive(List<Path> objects, Path library) throws SolException {
    List<String> command = new ArrayList<>(List.of(ar, "rcs", library.toString()));
    for (Path o : objects) command.add(o.toString());
    run(ar, command);
  }

  private void run(String tool, List<String> command) throws SolException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      String what = tool.equals(ar) ? "the archiver '" : "the C compiler '";
      throw new SolException(what + tool + "' was not found; sol-deploy needs it to build the library: " + hint);
    }
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new SolException("'" + tool + "' did not finish in 10 minutes: " + String.join(" ", command));
      }
      if (p.exitValue() != 0) {
        throw new SolException("'" + String.join(" ", command) + "' failed (exit status " + p.exitValue() + ")" + (out.isEmpty() ? "" : ":\n" + out));
      }
    } catch (IOException e) {
      throw new SolException("reading the output of '" + tool + "' failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new SolException("interrupted while '" + tool + "' ran");
    }
  }
}
