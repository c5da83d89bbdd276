package dev.sol.runtime;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Calls a compiled entry function, {@code void f(in..., out..., [arena])}, the way both
 * native engines do ({@link JitEngine}, {@link CEngine}). Each run takes a set of
 * 64-byte-aligned native buffers from a pool: outputs are written there, and inputs that are
 * not native and aligned are copied there first; the others are read in place. The arena of
 * the temporaries is taken from a second pool for the call only, so a run allocates nothing
 * once the pools hold as many sets as runs go on at once.
 */
final class NativeEntry {
  private final Arena memory;
  private final List<TensorInfo> inputs;
  private final List<TensorInfo> outputs;
  private final long arenaBytes;
  private final MethodHandle entry;
  /** Calls per run: the entry computes one image of each input and output, and runs on each in turn ({@link ImageSlices}); else 1. */
  private final long images;
  private final ConcurrentLinkedQueue<MemorySegment[]> pool = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<MemorySegment> arenas = new ConcurrentLinkedQueue<>();

  /** {@code entry} takes its arguments as one Object[] (a spreader); buffers come from {@code memory}. */
  NativeEntry(Arena memory, List<TensorInfo> inputs, List<TensorInfo> outputs, long arenaBytes, MethodHandle entry, long images) {
    this.images = images;
    this.memory = memory;
    this.inputs = inputs;
    this.outputs = outputs;
    this.arenaBytes = arenaBytes;
    this.entry = entry;
  }

  /** Runs on {@code in}, then {@code check} (which may throw; the buffers go back to the pool then). */
  Engine.Run run(List<SolTensor> in, Runnable check) {
    MemorySegment[] buffers = pool.poll();
    if (buffers == null) buffers = allocate();
    Object[] args = new Object[buffers.length + (arenaBytes > 0 ? 1 : 0)];
    for (int i = 0; i < inputs.size(); i++) {
      SolTensor t = in.get(i);
      if (t.isNativeAligned()) {
        args[i] = t.data();
      } else {
        MemorySegment.copy(t.data(), 0, buffers[i], 0, inputs.get(i).byteSize());
        args[i] = buffers[i];
      }
    }
    List<SolTensor> results = new ArrayList<>();
    for (int k = 0; k < outputs.size(); k++) {
      int at = inputs.size() + k;
      args[at] = buffers[at];
      results.add(SolTensor.view(outputs.get(k), buffers[at]));
    }
    MemorySegment scratch = null;
    if (arenaBytes > 0) {
      scratch = arenas.poll();
      if (scratch == null) scratch = memory.allocate(arenaBytes, SolTensor.ALIGNMENT);
      args[args.length - 1] = scratch;
    }
    try {
      if (images == 1) entry.invoke(args);
      else eachImage(args);
    } catch (Throwable e) {
      pool.offer(buffers);
      throw new IllegalStateException("calling the compiled code failed", e);
    } finally {
      if (scratch != null) arenas.offer(scratch);
    }
    try {
      check.run();
    } catch (RuntimeException e) {
      pool.offer(buffers);
      throw e;
    }
    MemorySegment[] used = buffers;
    return new Engine.Run(results, () -> pool.offer(used));
  }

  /** Calls the entry once per image, on the image's slice of every input and output (the arena, last, is reused). */
  private void eachImage(Object[] args) throws Throwable {
    Object[] slice = args.clone();
    for (long image = 0; image < images; image++) {
      for (int i = 0; i < inputs.size() + outputs.size(); i++) {
        TensorInfo t = i < inputs.size() ? inputs.get(i) : outputs.get(i - inputs.size());
        long bytes = t.byteSize() / images;
        slice[i] = ((MemorySegment) args[i]).asSlice(image * bytes, bytes);
      }
      entry.invoke(slice);
    }
  }

  private MemorySegment[] allocate() {
    MemorySegment[] set = new MemorySegment[inputs.size() + outputs.size()];
    for (int i = 0; i < set.length; i++) {
      TensorInfo t = i < inputs.size() ? inputs.get(i) : outputs.get(i - inputs.size());
      set[i] = memory.allocate(Math.max(1, t.byteSize()), SolTensor.ALIGNMENT).asSlice(0, t.byteSize());
    }
    return set;
  }
}
