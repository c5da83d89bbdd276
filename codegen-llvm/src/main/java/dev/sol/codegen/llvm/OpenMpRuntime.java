package dev.sol.codegen.llvm;

import static org.bytedeco.llvm.global.LLVM.LLVMLoadLibraryPermanently;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * libgomp in this process, for JIT-compiled code with parallel loops ({@link OpenMpEmitter}):
 * loaded with RTLD_GLOBAL (LLVM's LoadLibraryPermanently), so that the JIT's search of the
 * process finds {@code GOMP_parallel} and {@code omp_*}. libgomp keeps a team of threads per
 * thread that calls it, so Java threads running compiled code at once each get their own.
 *
 * <p>Before it loads, unless the environment says otherwise (OMP_WAIT_POLICY or
 * GOMP_SPINCOUNT), OMP_WAIT_POLICY is set to passive: idle workers then sleep at once
 * instead of spinning for up to a few hundred thousand iterations, which would take cores
 * from the JVM's own threads (and, on a loaded machine, made each parallel region cost 50-250
 * us instead of 8). libgomp reads its environment only when it loads.
 */
public final class OpenMpRuntime {
  private OpenMpRuntime() {}

  /** The shared object the JIT loads; gcc installs it (Debian: libgomp1). */
  public static final String LIBRARY = "libgomp.so.1";

  /** Loads libgomp (again is harmless: dlopen counts references); CodegenException when it cannot be found. */
  public static void load() {
    try {
      if (getenv("OMP_WAIT_POLICY") == null && getenv("GOMP_SPINCOUNT") == null) setenv("OMP_WAIT_POLICY", "passive");
    } catch (Throwable e) {
      throw new CodegenException("cannot set OMP_WAIT_POLICY before loading " + LIBRARY + ": " + e);
    }
    if (LLVMLoadLibraryPermanently(LIBRARY) != 0) {
      throw new CodegenException("cannot load " + LIBRARY + " (OpenMP, for code with more than one thread); install gcc's libgomp, or use one thread");
    }
  }

  /** The value of an environment variable as C's getenv sees it (Java's System.getenv is a copy taken at startup), or null. */
  public static String getenv(String name) throws Throwable {
    MethodHandle getenv = libc("getenv", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment v = (MemorySegment) getenv.invokeExact(arena.allocateFrom(name));
      return v.equals(MemorySegment.NULL) ? null : v.reinterpret(Long.MAX_VALUE).getString(0);
    }
  }

  private static void setenv(String name, String value) throws Throwable {
    MethodHandle setenv = libc("setenv", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    try (Arena arena = Arena.ofConfined()) {
      int rc = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
      if (rc != 0) throw new CodegenException("setenv(" + name + ") failed");
    }
  }

  private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
    Linker linker = Linker.nativeLinker();
    return linker.downcallHandle(linker.defaultLookup().find(name).orElseThrow(), descriptor);
  }
}
