package dev.sol.codegen.llvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sol.dialect.Dialects;
import dev.sol.ir.Operation;
import dev.sol.textir.IRParser;
import dev.sol.textir.SourceBuffer;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** scf.parallel JIT-compiled for OpenMP threads: every iteration runs once, in chunks that one thread of the team takes whole. */
class OpenMpJitTest {
  /** Row i of {@code out} gets (i * 10 + n, the OpenMP thread that ran it); 100 rows of 8 and a trip count passed at run time. */
  static final String ROWS = """
      "builtin.module"() ({
        "func.func"() ({
        }) {function_type = () -> i32, sym_name = "omp_get_thread_num", sym_visibility = "private"} : () -> ()
        "func.func"() ({
        ^bb0(%out: memref<100x2xi32>, %n: index):
          %c0 = "arith.constant"() {value = 0 : index} : () -> index
          %c1 = "arith.constant"() {value = 1 : index} : () -> index
          %c2 = "arith.constant"() {value = 2 : index} : () -> index
          %c10 = "arith.constant"() {value = 10 : index} : () -> index
          %c100 = "arith.constant"() {value = 100 : index} : () -> index
          "scf.parallel"(%c0, %c100, %c1) ({
          ^bb0(%i: index):
            %t = "func.call"() {callee = @omp_get_thread_num} : () -> i32
            %v = "arith.muli"(%i, %c10) : (index, index) -> index
            %w = "arith.addi"(%v, %n) : (index, index) -> index
            %x = "arith.index_cast"(%w) : (index) -> i32
            "memref.store"(%x, %out, %i, %c0) : (i32, memref<100x2xi32>, index, index) -> ()
            "memref.store"(%t, %out, %i, %c1) : (i32, memref<100x2xi32>, index, index) -> ()
            "scf.yield"() : () -> ()
          }) {operand_segment_sizes = array<i32: 1, 1, 1, 0>} : (index, index, index) -> ()
          "func.return"() : () -> ()
        }) {function_type = (memref<100x2xi32>, index) -> (), sym_name = "rows"} : () -> ()
      }) : () -> ()
      """;

  static JitModule compile(int threads) {
    Operation module = IRParser.parse(Dialects.newContext(), new SourceBuffer("rows.mlir", ROWS));
    OpenMpRuntime.load();
    return new JitModule(ctx -> LlvmEmitter.translate(ctx, module, "rows", threads));
  }

  static MethodHandle rows(JitModule jit) {
    return jit.function("rows", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
  }

  @Test void threeThreadsTakeHalvingChunks() throws Throwable {
    try (JitModule jit = compile(3); Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(800, 64);
      for (int run = 0; run < 20; run++) {
        out.fill((byte) -1);
        rows(jit).invokeExact(out, 7L);
        for (int i = 0; i < 100; i++) {
          assertEquals(i * 10 + 7, out.getAtIndex(ValueLayout.JAVA_INT, 2L * i), "row " + i);
          int thread = out.getAtIndex(ValueLayout.JAVA_INT, 2L * i + 1);
          assertTrue(thread >= 0 && thread < 3, "thread " + thread + " of row " + i);
          // 100 rows in one range per thread ([0, 33), [33, 66), [66, 100)), each in chunks that
          // halve (chunk c of a range of n rows begins at n - floor(n / 2^c): 17, 8, 4, 2, 1 and
          // 1 rows for the last range), each chunk run by one thread, whichever took it.
          int lo = i < 33 ? 0 : i < 66 ? 33 : 66;
          int size = i < 33 ? 33 : i < 66 ? 33 : 34;
          int first = 0;
          for (int c = 1; size - (size >> c) <= i - lo; c++) first = size - (size >> c);
          assertEquals(out.getAtIndex(ValueLayout.JAVA_INT, 2L * (lo + first) + 1), thread, "row " + i + " left its chunk");
        }
      }
    }
  }

  /** The loop's rows and threads, written by {@link #rowsInTeam} on each thread of an enclosing region. */
  private static final MemorySegment[] NESTED = new MemorySegment[2];
  private static MethodHandle nestedRows;
  private static final String[] NESTED_ERROR = new String[2];

  /** Runs {@code rows} on the calling thread of an enclosing OpenMP region (an upcall from the OpenMP runtime). */
  private static void rowsInTeam(MemorySegment data) {
    int t = -1;
    try {
      t = (int) OMP_GET_THREAD_NUM.invokeExact();
      nestedRows.invokeExact(NESTED[t], 3L);
    } catch (Throwable e) {
      NESTED_ERROR[Math.max(t, 0)] = e.toString();
    }
  }

  private static final MethodHandle OMP_GET_THREAD_NUM;
  private static final MethodHandle GOMP_PARALLEL;

  static {
    java.lang.foreign.SymbolLookup gomp = java.lang.foreign.SymbolLookup.libraryLookup(OpenMpRuntime.load(), Arena.global());
    java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
    OMP_GET_THREAD_NUM = linker.downcallHandle(gomp.find("omp_get_thread_num").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
    GOMP_PARALLEL = linker.downcallHandle(gomp.find("GOMP_parallel").orElseThrow(),
        FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
  }

  /**
   * Called from inside an OpenMP region of the application's own (two threads), the code for
   * three threads gets a team of one (neither libgomp nor libomp nests active regions by default): that thread takes
   * its own range and then every chunk of the other two, so all 100 rows run, on thread 0.
   */
  @Test void aSmallerTeamRunsEveryRange() throws Throwable {
    try (JitModule jit = compile(3); Arena arena = Arena.ofShared()) {
      nestedRows = rows(jit);
      for (int t = 0; t < 2; t++) {
        NESTED[t] = arena.allocate(800, 64);
        NESTED[t].fill((byte) -1);
      }
      MemorySegment body = java.lang.foreign.Linker.nativeLinker().upcallStub(
          java.lang.invoke.MethodHandles.lookup().findStatic(OpenMpJitTest.class, "rowsInTeam",
              java.lang.invoke.MethodType.methodType(void.class, MemorySegment.class)),
          FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), arena);
      GOMP_PARALLEL.invokeExact(body, MemorySegment.NULL, 2, 0);
      for (int t = 0; t < 2; t++) {
        assertEquals(null, NESTED_ERROR[t], "thread " + t + " of the enclosing region");
        for (int i = 0; i < 100; i++) {
          assertEquals(i * 10 + 3, NESTED[t].getAtIndex(ValueLayout.JAVA_INT, 2L * i), "row " + i + " of enclosing thread " + t);
          assertEquals(0, NESTED[t].getAtIndex(ValueLayout.JAVA_INT, 2L * i + 1), "row " + i + " ran outside the team of one");
        }
      }
    }
  }

  @Test void javaThreadsCallingAtOnceEachGetATeam() throws Exception {
    try (JitModule jit = compile(2)) {
      MethodHandle rows = rows(jit);
      CyclicBarrier start = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<String>> done = new ArrayList<>();
        for (long n : new long[] {3, 5}) {
          done.add(pool.submit(() -> {
            start.await();
            try (Arena arena = Arena.ofConfined()) {
              MemorySegment out = arena.allocate(800, 64);
              for (int run = 0; run < 200; run++) {
                rows.invokeExact(out, n);
                for (int i = 0; i < 100; i++) {
                  if (out.getAtIndex(ValueLayout.JAVA_INT, 2L * i) != i * 10 + n) return "run " + run + ", row " + i + " is wrong";
                  if (out.getAtIndex(ValueLayout.JAVA_INT, 2L * i + 1) > 1) return "run " + run + ", row " + i + " ran outside the team of two";
                }
              }
            } catch (Throwable e) {
              return e.toString();
            }
            return "ok";
          }));
        }
        for (Future<String> f : done) assertEquals("ok", f.get());
      } finally {
        pool.shutdown();
      }
    }
  }
}
