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
 *
 * <p>A model from the cache maps its file of constants instead ({@link #map}): the code runs at
 * once on the file's pages (VGG-19's 550 MB read into fresh memory took 0.4-1.2 s of a cached
 * load; mapping them from the page cache under 0.1 s), while a background thread copies them
 * into huge pages and moves those over the mapping with {@code mremap}. The code's addresses
 * stay the same, and a run in flight reads the same values from either: the move only spares
 * later runs the small pages' TLB misses (VGG-19 ran 9% slower on them).
 */
final class WeightMemory implements AutoCloseable {
  private static final long HUGE_PAGE = 2L << 20;
  private static final int PROT_READ_WRITE = 0x3;
  private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
  private static final int MADV_HUGEPAGE = 14;
  private static final long PAGE = 4096;
  private static final int PROT_NONE = 0;
  private static final int PROT_READ = 0x1;
  private static final int MAP_PRIVATE = 0x02;
  private static final int MAP_FIXED = 0x10;
  private static final int MAP_NORESERVE = 0x4000;
  private static final int MAP_POPULATE = 0x8000;
  private static final int O_RDONLY_CLOEXEC = 0x80000;
  private static final int MREMAP_MAYMOVE_FIXED = 0x1 | 0x2;
  /** How much the background copy moves at a time (a multiple of the huge page), looking at {@link #closing} between. */
  private static final long COPY_CHUNK = 32L << 20;

  private final Map<String, MemorySegment> segments = new LinkedHashMap<>();
  /** The mapping to unmap at close, or null when {@link #fallback} holds the memory. */
  private final MemorySegment mapping;
  private final Arena fallback;
  /** All the memory, {@code total} bytes from a huge-page boundary. */
  private final MemorySegment block;

  /** The thread that moves a mapped file's constants into huge pages, or null. */
  private Thread mover;
  /** Set by {@link #close}: the mover stops copying. */
  private volatile boolean closing;
  /** Whether the block now lies in anonymous huge-page memory rather than the mapped file. */
  private volatile boolean moved;

  /** Whether the block is a file mapped by {@link #map}, which {@link #moveToHugePages} may replace. */
  private final boolean fileMapped;

  /** A block of {@code total} bytes. */
  private WeightMemory(long total) {
    mapping = total == 0 ? null : anonymous(total + HUGE_PAGE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS);
    fallback = mapping == null ? Arena.ofShared() : null;
    block = mapping == null ? fallback.allocate(Math.max(1, total), 64).asSlice(0, total) : alignedInside(mapping, total);
    fileMapped = false;
  }

  /** A block that is a file mapped at {@code block}, inside the reserved range {@code mapping}. */
  private WeightMemory(MemorySegment mapping, MemorySegment block) {
    this.mapping = mapping;
    this.fallback = null;
    this.block = block;
    this.fileMapped = true;
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

  /**
   * Maps a file of constants laid out as {@link ModelCache} writes them, read-only and private,
   * at a huge-page boundary; {@link #moveToHugePages} later replaces the mapping by a copy in
   * huge pages at the same address. Where the C library cannot do this (not Linux), the file
   * is read as {@link #read} does. The cache replaces its files by renaming, never by
   * truncating them, so the mapped pages stay readable (a truncated file would fault).
   */
  static WeightMemory map(java.nio.file.Path file, Map<String, long[]> slots) throws java.io.IOException {
    long total = java.nio.file.Files.size(file);
    if (!Libc.CAN_MAP_FILES || total == 0) {
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
        return read(channel, slots);
      }
    }
    for (long[] slot : slots.values()) {
      if (slot[0] < 0 || slot[1] < 0 || slot[0] + slot[1] > total) throw new java.io.IOException("a constant lies outside the weights");
    }
    long span = pages(total);
    // An address range one huge page longer than the file, so that the file can go at a huge-page boundary inside it.
    MemorySegment reservation = anonymous(span + HUGE_PAGE, PROT_NONE, MAP_PRIVATE_ANONYMOUS | MAP_NORESERVE);
    if (reservation == null) throw new java.io.IOException("cannot reserve " + (span + HUGE_PAGE) + " bytes of address space");
    long start = (reservation.address() + HUGE_PAGE - 1) & -HUGE_PAGE;
    try (Arena a = Arena.ofConfined()) {
      int fd = (int) Libc.OPEN.invokeExact(a.allocateFrom(file.toString()), O_RDONLY_CLOEXEC, 0);
      if (fd < 0) {
        unmap(reservation);
        throw new java.io.IOException("cannot open " + file);
      }
      // Populated: the file's pages are in the page cache after the cache wrote or read them, and
      // filling the page table at once spares the checksum and the first run a fault per 64 KiB.
      MemorySegment m = (MemorySegment) Libc.MMAP.invokeExact(MemorySegment.ofAddress(start), span, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE,
          fd, 0L);
      int ignored = (int) Libc.CLOSE.invokeExact(fd);
      if (m.address() != start) {
        unmap(reservation);
        throw new java.io.IOException("cannot map " + file);
      }
    } catch (java.io.IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("mapping " + file + " failed", e);
    }
    WeightMemory w = new WeightMemory(reservation, MemorySegment.ofAddress(start).reinterpret(total));
    for (Map.Entry<String, long[]> s : slots.entrySet()) w.segments.put(s.getKey(), w.block.asSlice(s.getValue()[0], s.getValue()[1]));
    return w;
  }

  /**
   * Starts copying a {@linkplain #map mapped} block into huge pages on a thread of its own; the
   * copy then replaces the mapping at the same address. Does nothing for other blocks.
   */
  void moveToHugePages() {
    if (!fileMapped || mover != null || moved) return;
    mover = Thread.ofPlatform().daemon().name("sol-weights").start(this::copyAndMove);
  }

  /** Waits for {@link #moveToHugePages}'s copy; returns whether the block now lies in anonymous memory. */
  boolean awaitMove() throws InterruptedException {
    if (mover != null) mover.join();
    return moved;
  }

  /**
   * Copies the block into huge pages and moves them over it a chunk at a time, so that the file's
   * pages of a chunk leave as its copy arrives: moved whole at the end, the file's pages and the
   * copy were both resident at once (ResNet-50: 222 MB for 111 MB of weights, most of a cached
   * run's peak).
   */
  private void copyAndMove() {
    long span = pages(block.byteSize());
    MemorySegment copy = anonymous(span + HUGE_PAGE, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS);
    if (copy == null) return;
    MemorySegment target = alignedInside(copy, span);
    // Only the huge-page-aligned span is moved; what lies around it goes now.
    long head = target.address() - copy.address();
    if (head > 0) unmap(copy.asSlice(0, head));
    long tail = copy.byteSize() - head - span;
    if (tail > 0) unmap(copy.asSlice(head + span, tail));
    for (long at = 0; at < span; at += COPY_CHUNK) {
      long length = Math.min(COPY_CHUNK, span - at);
      if (closing || !moveChunk(target, at, length)) {
        // The chunks moved so far stay (they hold the same values); the rest of the copy goes.
        unmap(target.asSlice(at, span - at));
        return;
      }
    }
    moved = true;
  }

  /** Copies {@code length} bytes from {@code at} into {@code target} and moves that chunk of it over the block's; false when the move failed. */
  private boolean moveChunk(MemorySegment target, long at, long length) {
    MemorySegment.copy(block, at, target, at, Math.min(length, block.byteSize() - at));
    try {
      MemorySegment m = (MemorySegment) Libc.MREMAP.invokeExact(target.asSlice(at, length), length, length, MREMAP_MAYMOVE_FIXED,
          MemorySegment.ofAddress(block.address() + at));
      return m.address() == block.address() + at;
    } catch (Throwable e) {
      return false;
    }
  }

  /** The whole block. */
  MemorySegment block() { return block; }

  /** Each constant's memory, by symbol, valid until {@link #close}. */
  Map<String, MemorySegment> segments() { return segments; }

  @Override public void close() {
    closing = true;
    if (mover != null) {
      boolean interrupted = false;
      while (mover.isAlive()) {
        try {
          mover.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
    }
    if (fallback != null) fallback.close();
    if (mapping != null) unmap(mapping);
  }

  private static void unmap(MemorySegment m) {
    try {
      int ignored = (int) Libc.MUNMAP.invokeExact(m, m.byteSize());
    } catch (Throwable e) {
      throw new IllegalStateException("munmap failed", e);
    }
  }

  private static long align(long bytes) { return (bytes + 63) & ~63L; }

  private static long pages(long bytes) { return (bytes + PAGE - 1) & -PAGE; }

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

  /** An anonymous mapping of {@code bytes}, or null when mmap is unavailable or refuses. */
  private static MemorySegment anonymous(long bytes, int protection, int flags) {
    if (Libc.MMAP == null || Libc.MADVISE == null || Libc.MUNMAP == null) return null;
    try {
      MemorySegment m = (MemorySegment) Libc.MMAP.invokeExact(MemorySegment.NULL, bytes, protection, flags, -1, 0L);
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
    /** open(path, flags, mode) and mremap(old, old size, new size, flags, new address): variadic in C. */
    static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
        ValueLayout.JAVA_INT), Linker.Option.firstVariadicArg(2));
    static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    static final MethodHandle MREMAP = handle("mremap", FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
        ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS), Linker.Option.firstVariadicArg(4));
    /** Whether files can be mapped at a chosen address and moved over: the flags above are Linux's. */
    static final boolean CAN_MAP_FILES = System.getProperty("os.name", "").equals("Linux") && MMAP != null && MADVISE != null && MUNMAP != null
        && OPEN != null && CLOSE != null && MREMAP != null;

    private static MethodHandle handle(String name, FunctionDescriptor d, Linker.Option... options) {
      Linker linker = Linker.nativeLinker();
      return linker.defaultLookup().find(name).map(a -> linker.downcallHandle(a, d, options)).orElse(null);
    }
  }
}
