package dev.sol.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The compiled code's large constants (a network's weights) in one block of native memory,
 * each 64-byte aligned, backed by transparent huge pages where Linux offers them
 * ({@code madvise(MADV_HUGEPAGE)}, the default "madvise" mode).
 *
 * <p>Why one block of huge pages: filling 100 MB of freshly allocated memory took 160-390 ms
 * in 4 KiB pages (25,000 page faults, each zeroing a page), a tenth of ResNet-50's compile
 * time and most of a cached load; with 2 MiB pages it is 50 faults. The weights are also
 * what a run streams through, and huge pages spare those reads most TLB misses. Where mmap
 * is not available the constants go into ordinary (zeroed) Java-managed native memory.
 */
final class WeightMemory implements AutoCloseable {
  private static final long HUGE_PAGE = 2L << 20;
  private static final int PROT_READ_WRITE = 0x3;
  private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
  private static final int MADV_HUGEPAGE = 14;

  private final Map<String, MemorySegment> segments = new LinkedHashMap<>();
  /** The mapping to unmap at close, or null when {@link #fallback} holds the memory. */
  private final MemorySegment mapping;
  private final Arena fallback;
  /** All the memory, {@code total} bytes from a huge-page boundary. */
  private final MemorySegment block;

  /** A block of {@code total} bytes. */
  private WeightMemory(long total) {
    mapping = total == 0 ? null : map(total + HUGE_PAGE);
    fallback = mapping == null ? Arena.ofShared() : null;
    block = mapping == null ? fallback.allocate(Math.max(1, total), 64).asSlice(0, total) : alignedInside(mapping, total);
  }

  /** Copies each constant's bytes into the block. */
  static WeightMemory ofArrays(Map<String, byte[]> constants) {
    Map<String, MemorySegment> sources = new LinkedHashMap<>();
    constants.forEach((symbol, data) -> sources.put(symbol, MemorySegment.ofArray(data)));
    return of(sources);
  }

  /** Copies each constant (in any memory: a Java array, a mapped file) into the block. */
  static WeightMemory of(Map<String, MemorySegment> constants) {
    long total = 0;
    for (MemorySegment c : constants.values()) total += align(Math.max(1, c.byteSize()));
    WeightMemory w = new WeightMemory(total);
    long at = 0;
    for (Map.Entry<String, MemorySegment> c : constants.entrySet()) {
      long size = c.getValue().byteSize();
      MemorySegment slot = w.block.asSlice(at, Math.max(1, size));
      MemorySegment.copy(c.getValue(), 0, slot, 0, size);
      w.segments.put(c.getKey(), slot);
      at += align(Math.max(1, size));
    }
    return w;
  }

  /**
   * Reads a file of constants laid out as {@link ModelCache} writes them (each at its offset)
   * into the block with read calls, which copy from the page cache without mapping it: mapping
   * the file and copying out of it faulted in every page of the mapping as well.
   * {@code slots} gives each symbol's offset and size in the file.
   */
  static WeightMemory read(java.nio.channels.FileChannel file, Map<String, long[]> slots) throws java.io.IOException {
    long total = file.size();
    WeightMemory w = new WeightMemory(total);
    try {
      for (long at = 0; at < total;) {
        java.nio.ByteBuffer chunk = w.block.asSlice(at, Math.min(1L << 30, total - at)).asByteBuffer();
        while (chunk.hasRemaining()) {
          if (file.read(chunk, at + chunk.position()) < 0) throw new java.io.EOFException("the weights end early");
        }
        at += chunk.capacity();
      }
      for (Map.Entry<String, long[]> s : slots.entrySet()) {
        long[] slot = s.getValue();
        if (slot[0] < 0 || slot[1] < 0 || slot[0] + slot[1] > total) throw new java.io.IOException("a constant lies outside the weights");
        w.segments.put(s.getKey(), w.block.asSlice(slot[0], slot[1]));
      }
    } catch (java.io.IOException | RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  /** The whole block. */
  MemorySegment block() { return block; }

  /** Each constant's memory, by symbol, valid until {@link #close}. */
  Map<String, MemorySegment> segments() { return segments; }

  @Override public void close() {
    if (fallback != null) fallback.close();
    if (mapping != null) {
      try {
        int ignored = (int) Libc.MUNMAP.invokeExact(mapping, mapping.byteSize());
      } catch (Throwable e) {
        throw new IllegalStateException("munmap failed", e);
      }
    }
  }

  private static long align(long bytes) { return (bytes + 63) & ~63L; }

  /** The part of a mapping that starts at a huge-page boundary, advised to use huge pages. */
  private static MemorySegment alignedInside(MemorySegment mapping, long bytes) {
    long start = (mapping.address() + HUGE_PAGE - 1) & -HUGE_PAGE;
    MemorySegment block = mapping.asSlice(start - mapping.address(), bytes);
    try {
      // Advice only: without huge pages the memory works the same, in small pages.
      int ignored = (int) Libc.MADVISE.invokeExact(block, bytes, MADV_HUGEPAGE);
    } catch (Throwable e) {
      throw new IllegalStateException("madvise failed", e);
    }
    return block;
  }

  /** An anonymous private mapping of {@code bytes}, or null when mmap is unavailable or refuses. */
  private static MemorySegment map(long bytes) {
    if (Libc.MMAP == null || Libc.MADVISE == null || Libc.MUNMAP == null) return null;
    try {
      MemorySegment m = (MemorySegment) Libc.MMAP.invokeExact(MemorySegment.NULL, bytes, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
      if (m.address() == -1L || m.address() == 0) return null;
      return m.reinterpret(bytes);
    } catch (Throwable e) {
      throw new IllegalStateException("mmap failed", e);
    }
  }

  /** mmap, madvise and munmap from the C library, or null handles where it has none. */
  private static final class Libc {
    static final MethodHandle MMAP = handle("mmap", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
        ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    static final MethodHandle MADVISE = handle("madvise", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
        ValueLayout.JAVA_INT));
    static final MethodHandle MUNMAP = handle("munmap", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));

    private static MethodHandle handle(String name, FunctionDescriptor d) {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find(name).map(a -> linker.downcallHandle(a, d)).orElse(null);
    }
  }
}
