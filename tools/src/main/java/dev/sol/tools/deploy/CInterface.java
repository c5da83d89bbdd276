package dev.sol.tools.deploy;

import dev.sol.runtime.TensorInfo;
import java.util.List;

/**
 * What the header and the C glue of a deployed library are generated from: the library's and
 * the API's names, the model's inputs and outputs, and how the compiled entry function is
 * called.
 *
 * @param lib the library's name: libLIB.so, LIB.h, the prefix of the header's macros
 * @param func the API's name: FUNC, FUNC_init, FUNC_run, ...
 * @param entrySymbol the compiled entry function's (hidden) symbol in the model's object
 * @param entryArguments what the entry takes, one element per parameter, in order
 * @param temporaryBytes a bound on the memory one run takes from malloc
 * @param threads the OpenMP threads of a run (more than one: the library needs libgomp)
 * @param model the model file, for the header's comment
 * @param target the triple, CPU and features it was compiled for, for the header's comment
 */
record CInterface(String lib, String func, List<Port> inputs, List<Port> outputs, String entrySymbol, List<EntryArgument> entryArguments,
    long temporaryBytes, int threads, String model, String target) {
  CInterface {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    entryArguments = List.copyOf(entryArguments);
  }

  /** A graph input or output: its name and type. */
  record Port(String name, TensorInfo info) {}

  /** The bytes of the entry's arena, 0 when it takes none. */
  long arenaBytes() {
    for (EntryArgument a : entryArguments) if (a instanceof EntryArgument.Arena arena) return arena.bytes();
    return 0;
  }

  /**
   * One parameter of the compiled entry function: a bare pointer per input, then per output,
   * then, when the network has temporaries, the arena they are planned into (memory-plan).
   */
  sealed interface EntryArgument {
    /** The buffer of input {@code index}. */
    record Input(int index) implements EntryArgument {}

    /** The buffer of output {@code index}. */
    record Output(int index) implements EntryArgument {}

    /** Scratch memory of {@code bytes} bytes, 64-byte aligned, one per run in flight: the context's. */
    record Arena(long bytes) implements EntryArgument {}
  }
}
