package dev.sol.tools.deploy;

import static dev.sol.tools.deploy.NativeRuns.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.sol.runtime.SolOptions;
import dev.sol.runtime.SolTensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model of two inputs (FLOAT 2x3 and INT64 4, a third given as a constant) and three
 * outputs, one named with characters C must escape, deployed under other names than the
 * defaults: its header's macros, the general entry, the info functions, and the error of the
 * one-input entry.
 */
class SeveralInputsTest {
  private static final String ODD = "re\"shaped\\?";

  private static byte[] model() {
    OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("three")
        .addNode(node("Add", "twice", "b", "b"))
        .addNode(node("Add", "doubled", "a", "a"))
        .addNode(node("Reshape", ODD, "b", "shape"))
        .addInput(value("b", OnnxMl.TensorProto.DataType.FLOAT_VALUE, 2, 3))
        .addInput(value("a", OnnxMl.TensorProto.DataType.INT64_VALUE, 4))
        .addInput(value("shape", OnnxMl.TensorProto.DataType.INT64_VALUE, 2))
        .addOutput(value("twice", OnnxMl.TensorProto.DataType.FLOAT_VALUE, 2, 3))
        .addOutput(value("doubled", OnnxMl.TensorProto.DataType.INT64_VALUE, 4))
        .addOutput(value(ODD, OnnxMl.TensorProto.DataType.FLOAT_VALUE, 3, 2))
        .build();
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("sol-test")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build().toByteArray();
  }

  private static OnnxMl.NodeProto.Builder node(String op, String output, String... inputs) {
    OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
    for (String i : inputs) n.addInput(i);
    return n;
  }

  private static OnnxMl.ValueInfoProto value(String name, int type, long... dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (long d : dims) shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
  }

  private static final String PROGRAM = """
      #include <inttypes.h>
      #include <stdio.h>
      #include "Multi.h"

      static void show(const infer_tensor_info* t) {
        printf("%s type %d rank %d [%" PRId64 ", %" PRId64 "] size %" PRId64 " bytes %zu\\n", t->name, t->type, t->rank, t->shape[0],
               t->rank > 1 ? t->shape[1] : -1, t->size, t->bytes);
      }

      int main(void) {
        Multi_INPUT_0_CTYPE b[Multi_INPUT_0_SIZE] = {1, 2, 3, 4, 5, 6};
        Multi_INPUT_1_CTYPE a[Multi_INPUT_1_SIZE] = {1, -2, 3, INT64_C(1) << 40};
        Multi_OUTPUT_0_CTYPE twice[Multi_OUTPUT_0_SIZE];
        Multi_OUTPUT_1_CTYPE doubled[Multi_OUTPUT_1_SIZE];
        Multi_OUTPUT_2_CTYPE reshaped[Multi_OUTPUT_2_SIZE];
        const int64_t shape[] = Multi_OUTPUT_2_SHAPE;
        const void* in[Multi_NUM_INPUTS] = {b, a};
        void* out[Multi_NUM_OUTPUTS] = {twice, doubled, reshaped};
        infer_init(0);
        int status = infer_run(NULL, in, out);
        printf("run: %d '%s'\\n", status, infer_last_error());
        printf("twice %g %g, doubled %" PRId64 " %" PRId64 ", reshaped %gx%g %" PRId64 "x%" PRId64 " %s\\n", twice[0], twice[5], doubled[1],
               doubled[3], reshaped[0], reshaped[5], shape[0], shape[1], Multi_OUTPUT_2_NAME);
        printf("inputs %d, outputs %d, types %d %d\\n", infer_num_inputs(), infer_num_outputs(), Multi_INPUT_1_TYPE, Multi_TYPE_INT64);
        show(infer_input_info(0));
        show(infer_input_info(1));
        show(infer_output_info(2));
        infer(NULL, b, (float**) out);
        printf("infer: %s\\n", infer_last_error());
        return 0;
      }
      """;

  @Test void theGeneralEntryTakesEveryInput(@TempDir Path dir) throws Exception {
    Path onnx = Files.write(dir.resolve("three.onnx"), model());
    SolDeploy.Library lib = new SolDeploy("Multi", "infer")
        .deploy(onnx, new SolOptions().constant("shape", SolTensor.of(new long[] {2}, new long[] {3, 2})), dir.resolve("out"));
    String header = Files.readString(lib.header());
    assertTrue(header.contains("#define Multi_OUTPUT_2_NAME \"re\\\"shaped\\\\\\?\"\n"), header);
    assertTrue(header.contains("#define Multi_INPUT_1_SHAPE {4}\n#define Multi_INPUT_1_SIZE 4\n#define Multi_INPUT_1_BYTES 32\n"), header);
    Files.writeString(dir.resolve("multi.c"), PROGRAM);
    exec(dir, List.of("cc", "-std=c11", "-Wall", "-Werror", "-I", "out", "multi.c", "-L", "out", "-lMulti", "-Wl,-rpath," + dir.resolve("out"),
        "-o", "multi"));
    assertEquals("""
        run: 0 ''
        twice 2 12, doubled -4 2199023255552, reshaped 1x6 3x2 re"shaped\\?
        inputs 2, outputs 3, types 7 7
        b type 1 rank 2 [2, 3] size 6 bytes 24
        a type 7 rank 1 [4, -1] size 4 bytes 32
        re"shaped\\? type 1 rank 2 [3, 2] size 6 bytes 24
        infer: infer runs networks of one input, and libMulti has 2: call infer_run
        """, exec(dir, List.of(dir.resolve("multi").toString())));
  }
}
