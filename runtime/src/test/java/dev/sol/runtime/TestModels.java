package dev.sol.runtime;

import ai.onnx.proto.OnnxMl;

/** Small ONNX models built in memory for the API tests. */
final class TestModels {
  private TestModels() {}

  /**
   * Inputs b (FLOAT 2x3), a (INT64 4) and shape (INT64 2); outputs twice = b + b, doubled =
   * a + a and reshaped = Reshape(b, shape), which needs {@code shape} as a constant.
   */
  static byte[] threeOutputs() {
    OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("three")
        .addNode(node("Add", "add_b", "twice", "b", "b"))
        .addNode(node("Add", "add_a", "doubled", "a", "a"))
        .addNode(node("Reshape", "reshape", "reshaped", "b", "shape"))
        .addInput(value("b", OnnxMl.TensorProto.DataType.FLOAT_VALUE, 2, 3))
        .addInput(value("a", OnnxMl.TensorProto.DataType.INT64_VALUE, 4))
        .addInput(value("shape", OnnxMl.TensorProto.DataType.INT64_VALUE, 2))
        .addOutput(value("twice", OnnxMl.TensorProto.DataType.FLOAT_VALUE, 2, 3))
        .addOutput(value("doubled", OnnxMl.TensorProto.DataType.INT64_VALUE, 4))
        .addOutput(value("reshaped", OnnxMl.TensorProto.DataType.FLOAT_VALUE, 3, 2))
        .build();
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("sol-test")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build().toByteArray();
  }

  private static OnnxMl.NodeProto.Builder node(String op, String name, String output, String... inputs) {
    OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
    for (String i : inputs) n.addInput(i);
    return n;
  }

  private static OnnxMl.ValueInfoProto value(String name, int type, long... dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (long d : dims) shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape))).build();
  }
}
