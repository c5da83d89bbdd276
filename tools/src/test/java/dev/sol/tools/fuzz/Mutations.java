package dev.sol.tools.fuzz;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic mutations of fuzz inputs: bytes (flips, truncations, insertions), textual IR
 * (numbers, types, op names, lines) and ONNX models (attributes, shapes, inputs, op types,
 * initializers, opsets), each driven by the caller's seeded {@link Random}.
 */
final class Mutations {
  private Mutations() {}

  /** Numbers that sit on the edges of what shapes and attributes allow. */
  private static final long[] INTERESTING = {0, 1, -1, 2, 3, -2, 7, 64, 255, 4096, 1 << 16, 99999, Integer.MAX_VALUE,
      1L << 31, 1L << 32, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE, 4611686018427387905L};

  private static final String[] NN_OPS = {"nn.add", "nn.relu", "nn.gather", "nn.concat", "nn.reshape", "nn.transpose", "nn.softmax",
      "nn.reduce_sum", "nn.max_pool", "nn.avg_pool", "nn.conv", "nn.slice", "nn.pad", "nn.resize", "nn.split", "nn.matmul", "nn.gemm",
      "nn.lrn", "nn.layer_norm", "nn.batch_norm", "nn.where", "nn.cast", "nn.clip", "nn.constant", "nn.exp", "nn.gelu", "nn.pow",
      "nn.compare", "nn.and", "nn.not", "nn.sign", "nn.top_k", "nn.mod", "nn.gather_elements",
      "nn.scatter_nd"};

  private static final String[] ONNX_OPS = {"Add", "Relu", "Gather", "Concat", "Reshape", "Transpose", "Softmax", "ReduceSum", "MaxPool",
      "AveragePool", "Conv", "ConvTranspose", "Slice", "Pad", "Resize", "Split", "MatMul", "Gemm", "LRN", "Flatten", "Squeeze", "Unsqueeze",
      "Expand", "Tile", "Shape", "ConstantOfShape", "Cast", "Clip", "Where", "Upsample", "GlobalAveragePool", "BatchNormalization", "Identity",
      "Equal", "Less", "And", "Not", "Trilu", "CastLike", "OneHot", "Hardmax", "TopK", "Einsum", "CumSum", "Mod", "GatherElements", "GatherND", "ScatterND",
      "RMSNormalization", "Swish", "CenterCropPad", "RotaryEmbedding", "ScatterElements", "Asinh", "Atanh"};

  private static final String[] ATTRIBUTES = {"axis", "axes", "perm", "mode", "kernel_shape", "pads", "strides", "dilations", "size",
      "group", "keepdims", "split", "num_outputs", "auto_pad", "ceil_mode", "coordinate_transformation_mode", "to", "alpha", "beta",
      "storage_order", "antialias", "interleaved", "num_heads", "rotary_embedding_dim"};

  private static final String[] STRINGS = {"", "nearest", "linear", "cubic", "bicubic", "reflect", "edge", "wrap", "constant", "SAME_UPPER",
      "VALID", "NOTSET", "half_pixel", "tf_crop_and_resize", "floor", "\u00ff\u0000", "x".repeat(300)};

  private static final String[] ELEMENTS = {"f32", "f16", "bf16", "f64", "i1", "i8", "i32", "i64", "ui8", "index", "none"};

  private static final String SYNTAX = "{}()<>[]\",:%^#!=x-0123456789@";

  static long interesting(Random r) { return INTERESTING[r.nextInt(INTERESTING.length)]; }

  // ---- bytes

  static byte[] bytes(byte[] in, Random r) {
    byte[] b = in.length == 0 ? new byte[] {0} : in.clone();
    return switch (r.nextInt(5)) {
      case 0 -> {
        for (int k = 1 + r.nextInt(4); k > 0; k--) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        yield b;
      }
      case 1 -> Arrays.copyOf(b, r.nextInt(b.length));
      case 2 -> {
        int at = r.nextInt(b.length);
        b[at] = (byte) new int[] {0, 0xff, 0x7f, 0x80, 0x01}[r.nextInt(5)];
        yield b;
      }
      case 3 -> {
        int from = r.nextInt(b.length);
        int len = Math.min(b.length - from, 1 + r.nextInt(64));
        byte[] out = Arrays.copyOf(b, b.length + len);
        System.arraycopy(b, from, out, from + len, b.length - from);
        yield out;
      }
      default -> {
        int at = r.nextInt(b.length);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = (byte) r.nextInt(256);
        System.arraycopy(b, at, out, at + 1, b.length - at);
        yield out;
      }
    };
  }

  // ---- textual IR

  private static final Pattern NUMBER = Pattern.compile("-?\\b\\d+\\b");
  private static final Pattern OP_NAME = Pattern.compile("\"nn\\.[a-z_]+\"");
  private static final Pattern ELEMENT = Pattern.compile("x(f32|f16|i64|i32|i1|i8|f64)>");
  private static final Pattern STRING = Pattern.compile("= \"[a-z_]*\"");

  static String text(String in, Random r) {
    return switch (r.nextInt(9)) {
      case 0, 1 -> replaceOne(in, NUMBER, r, m -> Long.toString(interesting(r)));
      case 2 -> replaceOne(in, OP_NAME, r, m -> "\"" + NN_OPS[r.nextInt(NN_OPS.length)] + "\"");
      case 3 -> replaceOne(in, ELEMENT, r, m -> "x" + ELEMENTS[r.nextInt(ELEMENTS.length)] + ">");
      case 4 -> replaceOne(in, STRING, r, m -> "= \"" + STRINGS[r.nextInt(STRINGS.length)].replace("\"", "") + "\"");
      case 5 -> lines(in, r);
      case 6 -> {
        int at = r.nextInt(in.length() + 1);
        yield in.substring(0, at) + SYNTAX.charAt(r.nextInt(SYNTAX.length())) + in.substring(at);
      }
      case 7 -> in.substring(0, r.nextInt(in.length() + 1));
      default -> new String(bytes(in.getBytes(StandardCharsets.UTF_8), r), StandardCharsets.UTF_8);
    };
  }

  private static String replaceOne(String in, Pattern p, Random r, java.util.function.Function<Matcher, String> with) {
    List<int[]> spans = new ArrayList<>();
    Matcher m = p.matcher(in);
    while (m.find()) spans.add(new int[] {m.start(), m.end()});
    if (spans.isEmpty()) return lines(in, r);
    int[] s = spans.get(r.nextInt(spans.size()));
    m = p.matcher(in);
    m.find(s[0]);
    return in.substring(0, s[0]) + with.apply(m) + in.substring(s[1]);
  }

  private static String lines(String in, Random r) {
    List<String> lines = new ArrayList<>(Arrays.asList(in.split("\n", -1)));
    int i = r.nextInt(lines.size());
    int j = r.nextInt(lines.size());
    switch (r.nextInt(3)) {
      case 0 -> lines.remove(i);
      case 1 -> lines.add(i, lines.get(j));
      default -> {
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
      }
    }
    return String.join("\n", lines);
  }

  // ---- ONNX

  static byte[] onnx(byte[] in, Random r) {
    if (r.nextInt(6) == 0) return bytes(in, r);
    ModelProto model;
    try {
      model = ModelProto.parseFrom(in);
    } catch (InvalidProtocolBufferException e) {
      return bytes(in, r);
    }
    ModelProto.Builder mb = model.toBuilder();
    GraphProto.Builder g = mb.getGraphBuilder();
    switch (r.nextInt(8)) {
      case 0, 1, 2 -> {
        if (g.getNodeCount() > 0) node(g, g.getNodeBuilder(r.nextInt(g.getNodeCount())), r);
      }
      case 3 -> {
        if (g.getInputCount() > 0) valueInfo(g.getInputBuilder(r.nextInt(g.getInputCount())), r);
      }
      case 4 -> {
        if (g.getInitializerCount() > 0) initializer(g.getInitializerBuilder(r.nextInt(g.getInitializerCount())), r);
      }
      case 5 -> {
        if (g.getNodeCount() > 1) {
          int i = r.nextInt(g.getNodeCount());
          if (r.nextBoolean()) g.removeNode(i);
          else g.addNode(g.getNode(i));
        }
      }
      case 6 -> {
        if (mb.getOpsetImportCount() > 0) mb.getOpsetImportBuilder(0).setVersion(new long[] {1, 6, 7, 10, 13, 18, 25, 26}[r.nextInt(8)]);
      }
      default -> {
        if (g.getOutputCount() > 0 && r.nextBoolean()) g.removeOutput(r.nextInt(g.getOutputCount()));
        else if (g.getNodeCount() > 0) g.addOutput(ValueInfoProto.newBuilder().setName(g.getNode(r.nextInt(g.getNodeCount())).getOutput(0)));
      }
    }
    return mb.build().toByteArray();
  }

  private static void node(GraphProto.Builder g, NodeProto.Builder n, Random r) {
    switch (r.nextInt(7)) {
      case 0, 1, 2 -> {
        if (n.getAttributeCount() == 0 || r.nextInt(4) == 0) {
          n.addAttribute(AttributeProto.newBuilder().setName(ATTRIBUTES[r.nextInt(ATTRIBUTES.length)]).setType(AttributeProto.AttributeType.INT)
              .setI(interesting(r)));
        } else {
          attribute(n.getAttributeBuilder(r.nextInt(n.getAttributeCount())), r);
        }
      }
      case 3 -> n.setOpType(ONNX_OPS[r.nextInt(ONNX_OPS.length)]);
      case 4 -> {
        if (n.getInputCount() > 0 && r.nextBoolean()) {
          List<String> inputs = new ArrayList<>(n.getInputList());
          inputs.remove(inputs.size() - 1);
          n.clearInput().addAllInput(inputs);
        }
        else n.addInput(r.nextBoolean() || g.getNodeCount() == 0 ? "" : firstOutput(g.getNode(r.nextInt(g.getNodeCount()))));
      }
      case 5 -> {
        if (n.getInputCount() > 0) n.setInput(r.nextInt(n.getInputCount()), r.nextBoolean() || g.getInputCount() == 0 ? "undefined" : g.getInput(0).getName());
      }
      default -> {
        if (r.nextBoolean()) n.clearOutput();
        else n.addOutput("extra" + r.nextInt(3));
      }
    }
  }

  private static String firstOutput(NodeProto n) { return n.getOutputCount() == 0 ? "" : n.getOutput(0); }

  private static void attribute(AttributeProto.Builder a, Random r) {
    switch (a.getType()) {
      case INT -> a.setI(interesting(r));
      case FLOAT -> a.setF(new float[] {0, -1, Float.NaN, Float.POSITIVE_INFINITY, 1e30f, -1e-30f}[r.nextInt(6)]);
      case STRING -> a.setS(ByteString.copyFromUtf8(STRINGS[r.nextInt(STRINGS.length)]));
      case INTS -> {
        if (a.getIntsCount() > 0 && r.nextInt(3) > 0) a.setInts(r.nextInt(a.getIntsCount()), interesting(r));
        else if (a.getIntsCount() > 0 && r.nextBoolean()) {
          List<Long> values = new ArrayList<>(a.getIntsList());
          values.remove(values.size() - 1);
          a.clearInts().addAllInts(values);
        } else a.addInts(interesting(r));
      }
      default -> a.setType(AttributeProto.AttributeType.INT).setI(interesting(r));
    }
  }

  private static void valueInfo(ValueInfoProto.Builder v, Random r) {
    if (!v.hasType() || !v.getType().hasTensorType()) return;
    var t = v.getTypeBuilder().getTensorTypeBuilder();
    if (r.nextInt(4) == 0) {
      t.setElemType(r.nextInt(17));
      return;
    }
    TensorShapeProto.Builder s = t.getShapeBuilder();
    if (s.getDimCount() == 0 || r.nextInt(5) == 0) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(interesting(r)));
    else if (r.nextInt(4) == 0) s.removeDim(r.nextInt(s.getDimCount()));
    else s.getDimBuilder(r.nextInt(s.getDimCount())).setDimValue(interesting(r));
  }

  private static void initializer(TensorProto.Builder t, Random r) {
    switch (r.nextInt(4)) {
      case 0 -> {
        if (t.getDimsCount() > 0) t.setDims(r.nextInt(t.getDimsCount()), interesting(r));
        else t.addDims(interesting(r));
      }
      case 1 -> t.setDataType(r.nextInt(17));
      case 2 -> t.setRawData(t.getRawData().substring(0, r.nextInt(t.getRawData().size() + 1)));
      default -> {
        if (t.getInt64DataCount() > 0) t.setInt64Data(r.nextInt(t.getInt64DataCount()), interesting(r));
        else t.addDims(1);
      }
    }
  }
}
