package dev.sol.codegen.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OpenMP runtime that {@code SOL_OPENMP} names, in a JVM of its own (a process loads its
 * runtime once): gcc's libgomp, which the JIT otherwise takes only where LLVM's libomp is
 * missing, runs a parallel loop on three threads; a runtime that does not load is named in
 * the error.
 */
class OpenMpRuntimeChoiceTest {
  /** Loads the runtime, runs {@link OpenMpJitTest#ROWS} on three threads, prints the runtime; exit 2 with the message when it cannot load. */
  public static void main(String[] args) throws Throwable {
    try {
      OpenMpRuntime.load();
    } catch (CodegenException e) {
      System.out.println(e.getMessage());
      System.exit(2);
    }
    try (JitModule jit = OpenMpJitTest.compile(3); Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(800, 64);
      OpenMpJitTest.rows(jit).invokeExact(out, 5L);
      for (int i = 0; i < 100; i++) {
        int thread = out.getAtIndex(ValueLayout.JAVA_INT, 2L * i + 1);
        if (out.getAtIndex(ValueLayout.JAVA_INT, 2L * i) != i * 10 + 5 || thread < 0 || thread > 2) {
          System.out.println("row " + i + " wrong");
          System.exit(1);
        }
      }
      System.out.println("rows on " + OpenMpRuntime.loaded());
    }
  }

  private record Result(int exit, String output) {}

  private static Result child(String runtime) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow", "-cp",
        System.getProperty("java.class.path"), OpenMpRuntimeChoiceTest.class.getName())).redirectErrorStream(true);
    pb.environment().put("SOL_OPENMP", runtime);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    return new Result(p.waitFor(), output);
  }

  @Test void libgompWhenSolOpenMpNamesIt() throws Exception {
    Result r = child(OpenMpRuntime.LIBGOMP);
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("rows on libgomp.so.1"), r.output());
  }

  @Test void aRuntimeThatDoesNotLoadIsNamed() throws Exception {
    Result r = child("libno-such-openmp.so");
    assertEquals(2, r.exit(), r.output());
    assertTrue(r.output().contains("cannot load libno-such-openmp.so, the OpenMP runtime that SOL_OPENMP names"), r.output());
  }
}
