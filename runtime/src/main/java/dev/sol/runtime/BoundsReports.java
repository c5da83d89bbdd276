package dev.sol.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sol.lowering.CheckBoundsPass;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where code compiled with bounds checks reports an access outside a buffer: the JIT resolves
 * {@link CheckBoundsPass#HANDLER} to an upcall into {@link #report}, which keeps the first
 * report until the run that called the code takes it and fails. Runs in flight at the same
 * time share it, so with overlapping runs a report may fail another of them.
 */
final class BoundsReports implements AutoCloseable {
  /** The longest site text read from the compiled code's constant (it ends with a NUL well before). */
  private static final long MAX_SITE = 1 << 16;

  private final Arena arena = Arena.ofShared();
  private final AtomicReference<String> first = new AtomicReference<>();
  private final MemorySegment stub;

  BoundsReports() {
    try {
      var report = MethodHandles.lookup().findVirtual(BoundsReports.class, "report",
          MethodType.methodType(void.class, MemorySegment.class, long.class, long.class, long.class)).bindTo(this);
      stub = Linker.nativeLinker().upcallStub(report, FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, JAVA_LONG), arena);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the bounds report handler is missing", e);
    }
  }

  /** The address the compiled code calls. */
  MemorySegment handler() { return stub; }

  /** Called from compiled code: must never throw (an exception cannot unwind through native frames). */
  private void report(MemorySegment site, long dim, long index, long size) {
    try {
      first.compareAndSet(null, CheckBoundsPass.message(site.reinterpret(MAX_SITE).getString(0), dim, index, size));
    } catch (RuntimeException e) {
      first.compareAndSet(null, "an out-of-bounds access (its report could not be read: " + e + ")");
    }
  }

  /** Fails the run that just returned when some access was out of bounds. */
  void check() {
    String error = first.getAndSet(null);
    if (error != null) throw new OutOfBoundsAccessException(error);
  }

  @Override public void close() { arena.close(); }
}
