package dev.sol.tools.deploy;

import dev.sol.runtime.ElementType;
import dev.sol.runtime.TensorInfo;
import java.util.List;

/**
 * The C header of a deployed library: SOL's three functions ({@code FUNC_init},
 * {@code FUNC_seed}, {@code FUNC}), and beside them contexts, a general entry for several
 * inputs, error codes and messages, and the inputs' and outputs' names, element types and
 * shapes, both as macros (for sizing arrays at compile time) and as functions (for programs
 * that load the library at run time). Everything is documented in the header's comments.
 */
final class HeaderWriter {
  private HeaderWriter() {}

  static String write(CInterface c) {
    String lib = c.lib();
    String f = c.func();
    StringBuilder h = new StringBuilder();
    h.append("/* ").append(lib).append(".h: the C interface of lib").append(lib).append(", the network ")
        .append(CSyntax.commentText(c.model())).append("\n * compiled by sol-deploy for ").append(CSyntax.commentText(c.target()))
        .append(".\n *\n");
    h.append(" *   ").append(f).append("_init(0);                    once, before the first run (0 is the CPU)\n");
    h.append(" *   ").append(f).append("(NULL, input, outputs);      runs the network; outputs[k] points to a buffer for output k\n");
    h.append(" *   if (*").append(f).append("_last_error()) ...      the message of a failed call, \"\" after a good one\n *\n");
    if (c.threads() > 1) {
      h.append(" * A run computes on ").append(c.threads()).append(" OpenMP threads (libgomp; the count was fixed when the library was\n");
      h.append(" * built). Idle threads spin for libgomp's default of up to some milliseconds before they\n");
      h.append(" * sleep; GOMP_SPINCOUNT=10000 in the environment, before the library loads, shortens that to\n");
      h.append(" * some 0.2 ms. Each thread that calls a run gets its own team of threads.\n");
      h.append(" * Link with -l").append(lib).append(" (the static library also needs -lgomp -lm). Buffers hold the elements in\n");
    } else {
      h.append(" * Link with -l").append(lib).append(" (the static library also needs -lm). Buffers hold the elements in\n");
    }
    h.append(" * row-major (C) order in the machine's byte order, need only their element type's\n");
    h.append(" * alignment and must not overlap. The network's weights are inside the library; it reads\n");
    h.append(" * no files and keeps no state between runs. Runs may go on in several threads at once,\n");
    h.append(" * each with its own context (or NULL).\n */\n");
    h.append("#ifndef __").append(lib).append("__\n#define __").append(lib).append("__\n");
    h.append("#include <stddef.h>\n#include <stdint.h>\n");
    h.append("#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");

    h.append("/* Element types, numbered as ONNX numbers them (TensorProto.DataType). BOOL is one byte\n");
    h.append(" * holding 0 or 1, FLOAT16 the 16 bits of an IEEE half-precision number. */\n");
    for (ElementType t : ElementType.values()) {
      h.append("#define ").append(lib).append("_TYPE_").append(t.name()).append(' ').append(CSyntax.onnxCode(t)).append('\n');
    }
    h.append('\n');
    ports(h, lib, "INPUT", "Inputs, in the order " + f + "_run takes them.", c.inputs());
    ports(h, lib, "OUTPUT", "Outputs, in the graph's order.", c.outputs());

    h.append("/* Error codes: what ").append(f).append("_run returns; ").append(f).append("_last_error() says more. */\n");
    h.append("#define ").append(lib).append("_OK 0\n");
    h.append("#define ").append(lib).append("_ERROR_ARGUMENT 1  /* a NULL buffer, or FUNC with a network of several inputs */\n"
        .replace("FUNC", f));
    h.append("#define ").append(lib).append("_ERROR_CONTEXT 2   /* ctx is not from ").append(f).append("_ctx_create */\n");
    h.append("#define ").append(lib).append("_ERROR_DEVICE 3    /* ").append(f).append("_init chose a device other than the CPU */\n");
    h.append("#define ").append(lib).append("_ERROR_MEMORY 4    /* a context could not be allocated */\n\n");

    TensorInfo first = c.inputs().isEmpty() ? null : c.inputs().getFirst().info();
    h.append("/* Chooses the device that runs the network: 0 is the CPU, the only one this library has.\n");
    h.append(" * Call it once before the first run; any other index makes runs fail with ").append(lib).append("_ERROR_DEVICE.");
    if (GlueWriter.tunesMalloc(c)) {
      h.append("\n * It also asks malloc to keep the memory of the network's temporaries between runs (mallopt\n");
      h.append(" * M_MMAP_THRESHOLD and M_TRIM_THRESHOLD), which makes runs several times faster.");
    }
    h.append(" */\n");
    h.append("void ").append(f).append("_init(const int deviceIdx);\n\n");
    h.append("/* Sets the seed of the network's random operators and returns the previous one (0 at first). */\n");
    h.append("int  ").append(f).append("_seed(const int seed);\n\n");
    h.append("/* Runs the network on input, the graph's first input");
    if (first != null) h.append(" (").append(shape(first)).append(' ').append(CSyntax.cType(first.elementType())).append(')');
    h.append(", and writes output k to\n * the buffer output[k], one per graph output in the graph's order. ctx is NULL or a context from\n");
    h.append(" * ").append(f).append("_ctx_create. A network with several inputs needs ").append(f)
        .append("_run. Errors: see ").append(f).append("_last_error(). */\n");
    h.append("void ").append(f).append("     (void* ctx, const float* input, float** output);\n\n");

    h.append("/* A context for runs in one thread at a time (runs with NULL need none): NULL when out of\n");
    h.append(" * memory. Destroying NULL does nothing.");
    if (c.arenaBytes() > 0) {
      h.append("\n * A context holds the memory of the network's temporaries (").append(c.arenaBytes())
          .append(" bytes), so runs with it allocate\n * nothing; runs with NULL use an arena of the calling thread, allocated at its first such run\n * and freed when the thread exits.");
    }
    h.append(" */\n");
    h.append("void* ").append(f).append("_ctx_create(void);\n");
    h.append("void  ").append(f).append("_ctx_destroy(void* ctx);\n\n");
    h.append("/* Runs the network: inputs[i] points to input i, outputs[k] to the buffer for output k.\n");
    h.append(" * Returns ").append(lib).append("_OK, or an error code with its message in ").append(f).append("_last_error(). */\n");
    h.append("int   ").append(f).append("_run(void* ctx, const void* const* inputs, void* const* outputs);\n\n");
    h.append("/* The message of the last call in this thread that failed, \"\" when it succeeded. */\n");
    h.append("const char* ").append(f).append("_last_error(void);\n\n");

    String info = f + "_tensor_info";
    h.append("/* An input or output at run time: the same as its macros. shape is NULL for rank 0. */\n");
    h.append("typedef struct ").append(info).append(" {\n");
    h.append("  const char* name;      /* the graph's name */\n");
    h.append("  int type;              /* ").append(lib).append("_TYPE_... */\n");
    h.append("  int rank;\n  const int64_t* shape;  /* rank dimensions */\n");
    h.append("  int64_t size;          /* elements */\n  size_t bytes;\n} ").append(info).append(";\n\n");
    h.append("int ").append(f).append("_num_inputs(void);\nint ").append(f).append("_num_outputs(void);\n");
    h.append("/* NULL for an index out of range. */\n");
    h.append("const ").append(info).append("* ").append(f).append("_input_info(int index);\n");
    h.append("const ").append(info).append("* ").append(f).append("_output_info(int index);\n\n");
    h.append("#ifdef __cplusplus\n}\n#endif\n#endif\n");
    return h.toString();
  }

  private static void ports(StringBuilder h, String lib, String kind, String title, List<CInterface.Port> ports) {
    h.append("/* ").append(title).append(" For each: NAME, TYPE, CTYPE (its elements' C type), RANK,\n");
    h.append(" * SHAPE (an initializer; none for rank 0), SIZE (elements) and BYTES. */\n");
    h.append("#define ").append(lib).append("_NUM_").append(kind).append("S ").append(ports.size()).append('\n');
    for (int i = 0; i < ports.size(); i++) {
      CInterface.Port p = ports.get(i);
      TensorInfo t = p.info();
      String m = "#define " + lib + "_" + kind + "_" + i + "_";
      h.append("/* ").append(kind.charAt(0)).append(kind.substring(1).toLowerCase(java.util.Locale.ROOT)).append(' ').append(i)
          .append(", ").append(CSyntax.commentText(p.name())).append(": ").append(shape(t)).append(' ')
          .append(CSyntax.cType(t.elementType())).append(" */\n");
      h.append(m).append("NAME ").append(CSyntax.literal(p.name())).append('\n');
      h.append(m).append("TYPE ").append(lib).append("_TYPE_").append(t.elementType().name()).append('\n');
      h.append(m).append("CTYPE ").append(CSyntax.cType(t.elementType())).append('\n');
      h.append(m).append("RANK ").append(t.rank()).append('\n');
      if (t.rank() > 0) h.append(m).append("SHAPE {").append(join(t.shape(), ", ")).append("}\n");
      h.append(m).append("SIZE ").append(t.elementCount()).append('\n');
      h.append(m).append("BYTES ").append(t.byteSize()).append('\n');
    }
    h.append('\n');
  }

  /** A shape as 1x3x224x224, or "scalar". */
  static String shape(TensorInfo t) { return t.rank() == 0 ? "scalar" : join(t.shape(), "x"); }

  static String join(long[] dims, String separator) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? separator : "").append(dims[i]);
    return sb.toString();
  }
}
