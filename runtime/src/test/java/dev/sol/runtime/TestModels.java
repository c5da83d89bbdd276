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

  /**
   * A small classifier on a batch of images "image" (N x 2 x 6 x 6, N symbolic): a 3 x 3
   * convolution with bias, ReLU, global average pooling, Flatten, a Gemm to 3 classes and a
   * softmax along {@code softmaxAxis} into "probs" (N x 3); 1 is per image, 0 across the batch.
   * Weights from a fixed seed.
   */
  static byte[] smallClassifier(int softmaxAxis) {
    java.util.Random r = new java.util.Random(42);
    OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("classifier")
        .addNode(node("Conv", "conv", "c", "image", "w", "b").addAttribute(ints("pads", 1, 1, 1, 1)))
        .addNode(node("Relu", "relu", "r", "c"))
        .addNode(node("GlobalAveragePool", "pool", "p", "r"))
        .addNode(node("Flatten", "flatten", "f", "p"))
        .addNode(node("Gemm", "gemm", "g", "f", "fc", "fcb").addAttribute(OnnxMl.AttributeProto.newBuilder().setName("transB").setI(1)
            .setType(OnnxMl.AttributeProto.AttributeType.INT)))
        .addNode(node("Softmax", "softmax", "probs", "g").addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis").setI(softmaxAxis)
            .setType(OnnxMl.AttributeProto.AttributeType.INT)))
        .addInitializer(random(r, "w", 4, 2, 3, 3)).addInitializer(random(r, "b", 4)).addInitializer(random(r, "fc", 3, 4))
        .addInitializer(random(r, "fcb", 3))
        .addInput(batched("image", 2, 6, 6))
        .addOutput(batched("probs", 3))
        .build();
    return OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("sol-test")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13)).setGraph(graph).build().toByteArray();
  }

  private static OnnxMl.AttributeProto ints(String name, long... values) {
    OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name).setType(OnnxMl.AttributeProto.AttributeType.INTS);
    for (long v : values) a.addInts(v);
    return a.build();
  }

  private static OnnxMl.TensorProto random(java.util.Random r, String name, long... dims) {
    OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT_VALUE);
    long count = 1;
    for (long d : dims) {
      t.addDims(d);
      count *= d;
    }
    for (long i = 0; i < count; i++) t.addFloatData((float) r.nextGaussian());
    return t.build();
  }

  /** A float value whose first dimension is the symbolic batch N. */
  private static OnnxMl.ValueInfoProto batched(String name, long... dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
    for (long d : dims) shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
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
