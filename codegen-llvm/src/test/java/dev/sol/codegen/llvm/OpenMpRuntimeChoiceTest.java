package dev.sol.codegen.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which OpenMP runtime the JIT loads, each case in a JVM of its own (a process loads its
 * runtime once): the first of a list that loads (a missing libomp falls back to libgomp), the
 * one {@code SOL_OPENMP} names, and an error naming a runtime that does not load or is no
 * OpenMP runtime. Where one loads, a parallel loop runs on it on three threads.
 */
class OpenMpRuntimeChoiceTest {
  /**
   * Loads the runtime (args[0] "fallback": the first of a missing library and libgomp), runs
   * {@link OpenMpJitTest#ROWS} on three threads and prints the runtime; exits 2 with the message
   * when none loads, 1 when the rows are wrong.
   */
  public static void main(String[] args) throws Throwable {
    try {
      if (args.length > 0 && args[0].equals("fallback")) {
        String library = OpenMpRuntime.loadFirst(List.of("libno-such-openmp.so", OpenMpRuntime.LIBGOMP));
        if (library == null) throw new CodegenException("neither loaded");
      } else {
        OpenMpRuntime.load();
      }
    } catch (CodegenException e) {
      System.out.println(e.getMessage());
      System.exit(2);
    }
    try (JitModule jit = OpenMpJitTest.compile(3); Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(800, 64);
      OpenMpJitTest.rows(jit).invokeExact(out, 5L);
      Set<Integer> threads = new HashSet<>();
      for (int i = 0; i < 100; i++) {
        int thread = out.getAtIndex(ValueLayout.JAVA_INT, 2L * i + 1);
        threads.add(thread);
        if (out.getAtIndex(ValueLayout.JAVA_INT, 2L * i) != i * 10 + 5 || thread < 0 || thread > 2) {
          System.out.println("row " + i + " wrong");
          System.exit(1);
        }
      }
      System.out.println("rows on " + OpenMpRuntime.loaded() + " by " + threads.size() + " threads");
    }
  }

  private record Result(int exit, String output) {}

  private static Result child(Path dir, String runtime, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
        "-cp", System.getProperty("java.class.path"), OpenMpRuntimeChoiceTest.class.getName()));
    command.addAll(List.of(args));
    Path log = dir.resolve("child.log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("SOL_OPENMP");
    if (runtime != null) pb.environment().put("SOL_OPENMP", runtime);
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM did not end in 120 s: " + Files.readString(log));
    }
    return new Result(p.exitValue(), Files.readString(log));
  }

  @Test void libgompWhenSolOpenMpNamesIt(@TempDir Path dir) throws Exception {
    Result r = child(dir, OpenMpRuntime.LIBGOMP);
    assertEquals(0, r.exit(), r.output());
    // (How many threads ran rows is not asserted: a thread takes the others' chunks when it is
    // done with its own, and 100 trivial rows may all be done before a worker wakes up.)
    assertTrue(r.output().contains("rows on libgomp.so.1 by "), r.output());
  }

  @Test void theNextRuntimeWhereTheFirstIsMissing(@TempDir Path dir) throws Exception {
    Result r = child(dir, null, "fallback");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("rows on libgomp.so.1"), r.output());
  }

  @Test void aRuntimeThatDoesNotLoadIsNamed(@TempDir Path dir) throws Exception {
    Result r = child(dir, "libno-such-openmp.so");
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("cannot load libno-such-openmp.so, the OpenMP runtime that SOL_OPENMP names"), r.output());
  }

  @Test void aLibraryThatIsNoOpenMpRuntimeIsNamed(@TempDir Path dir) throws Exception {
    Result r = child(dir, "libm.so.6");
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("cannot load libm.so.6, the OpenMP runtime that SOL_OPENMP names"), r.output());
    assertTrue(r.output().contains("it has no GOMP_parallel"), r.output());
  }
}
