package dev.sol.dialect.func;

import dev.sol.ir.*;

/**
 * The arena of an entry function: the trailing {@code memref<Nxi8>} argument marked
 * {@code {sol.arena}} that the memory-plan pass adds, whose bytes hold the function's
 * temporaries at offsets planned at compile time. Whoever calls the function (the JIT
 * runtime, a C harness, a deployed library's glue) passes N bytes of scratch memory, 64-byte
 * aligned, one arena per call in flight; its contents need no initialization and mean nothing
 * after the call. Every other argument is an input or an output, as before.
 */
public final class ArenaArgument {
  private ArenaArgument() {}

  /** The argument attribute that marks the arena. */
  public static final String ATTRIBUTE = "sol.arena";

  /** The index of {@code function}'s arena argument (a func.func), or -1 when it has none. */
  public static int index(Operation function) {
    if (!(function.attribute("arg_attrs") instanceof ArrayAttr attrs)) return -1;
    for (int i = 0; i < attrs.elements().size(); i++) {
      if (attrs.get(i) instanceof DictionaryAttr d && d.get(ATTRIBUTE) != null) return i;
    }
    return -1;
  }

  /** The bytes of {@code function}'s arena, 0 when it has none. */
  public static long bytes(Operation function) {
    int i = index(function);
    if (i < 0) return 0;
    FunctionType ft = (FunctionType) ((TypeAttr) function.attribute("function_type")).type();
    return ((MemRefType) ft.inputs().get(i)).numElements();
  }
}
