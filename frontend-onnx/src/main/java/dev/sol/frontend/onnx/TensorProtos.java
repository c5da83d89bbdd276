package dev.sol.frontend.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Converts between ONNX TensorProto (raw or typed data) and {@link Tensor}. */
public final class TensorProtos {
  private TensorProtos() {}

  /** The IR element type of an ONNX data type, or null when unsupported. */
  public static Type elementType(int onnxType) {
    return switch (onnxType) {
      case 1 -> FloatType.F32;
      case 2 -> new IntegerType(8, IntegerType.Signedness.UNSIGNED);
      case 3 -> IntegerType.I8;
      case 4 -> new IntegerType(16, IntegerType.Signedness.UNSIGNED);
      case 5 -> IntegerType.I16;
      case 6 -> IntegerType.I32;
      case 7 -> IntegerType.I64;
      case 9 -> IntegerType.I1;
      case 10 -> FloatType.F16;
      case 11 -> FloatType.F64;
      case 12 -> new IntegerType(32, IntegerType.Signedness.UNSIGNED);
      case 13 -> new IntegerType(64, IntegerType.Signedness.UNSIGNED);
      default -> null;
    };
  }

  public static int onnxType(Type t) {
    for (int i = 1; i <= 13; i++) if (t.equals(elementType(i))) return i;
    throw new IllegalArgumentException("no ONNX type for " + t);
  }

  public static Tensor read(byte[] bytes) throws ImportException {
    try {
      return toTensor(TensorProto.parseFrom(bytes));
    } catch (InvalidProtocolBufferException e) {
      throw new ImportException("not a valid ONNX TensorProto: " + e.getMessage());
    }
  }

  /**
   * The tensor as a dense elements attribute. Raw f32, f64, i32 and i64 data is stored as it
   * is (one copy of the bytes): converting a network's weights element by element through
   * {@link Tensor}'s doubles allocated three times their size and took a tenth of ResNet-50's
   * compile time.
   */
  public static DenseElementsAttr toAttribute(TensorProto p) throws ImportException {
    int type = p.getDataType();
    boolean rawAsStored = type == 1 || type == 6 || type == 7 || type == 11;
    if (!rawAsStored || p.getRawData().isEmpty() || p.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      return (DenseElementsAttr) toTensor(p).toAttribute();
    }
    Type element = elementType(type);
    long[] shape = p.getDimsList().stream().mapToLong(Long::longValue).toArray();
    checkShape(p, shape);
    long expected = ShapedType.elementCount(shape) * DenseElementsAttr.elementBytes(element);
    if (p.getRawData().size() != expected) {
      throw new ImportException("tensor '" + p.getName() + "' has " + p.getRawData().size() + " bytes of data, expected " + expected);
    }
    return DenseElementsAttr.fromRaw(new RankedTensorType(shape, element), p.getRawData().toByteArray());
  }

  /**
   * Rejects a shape that no tensor of data can have: negative dimensions (Long.MIN_VALUE too,
   * which SOL's types take for a dynamic one) or more elements than SOL's limit.
   */
  private static void checkShape(TensorProto p, long[] shape) throws ImportException {
    for (long d : shape) {
      if (d < 0) throw new ImportException("tensor '" + p.getName() + "' of shape " + Arrays.toString(shape) + " has a negative dimension (" + d + ")");
    }
    String problem = ShapedType.shapeProblem(shape);
    if (problem != null) throw new ImportException("tensor '" + p.getName() + "' of shape " + ShapedType.describe(shape) + " " + problem);
  }

  public static Tensor toTensor(TensorProto p) throws ImportException {
    Type element = elementType(p.getDataType());
    if (element == null) throw new ImportException("tensor '" + p.getName() + "' has unsupported data type " + p.getDataType());
    long[] shape = p.getDimsList().stream().mapToLong(Long::longValue).toArray();
    // Everything is checked before the tensor is allocated: a few bytes of model may declare gigabytes.
    checkShape(p, shape);
    if (p.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
      throw new ImportException("tensor '" + p.getName() + "' keeps its data in an external file, which is not supported");
    }
    int n = (int) ShapedType.elementCount(shape);
    if (!p.getRawData().isEmpty()) {
      ByteBuffer buf = p.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      int eb = DenseElementsAttr.elementBytes(element);
      if (buf.remaining() != (long) n * eb) {
        throw new ImportException("tensor '" + p.getName() + "' has " + buf.remaining() + " bytes of data, expected " + (long) n * eb);
      }
      Tensor t = Tensor.zeros(element, shape);
      for (int i = 0; i < n; i++) {
        switch (p.getDataType()) {
          case 1 -> t.set(i, buf.getFloat());
          case 11 -> t.set(i, buf.getDouble());
          case 10 -> t.set(i, Float.float16ToFloat(buf.getShort()));
          case 2, 9 -> t.setLong(i, buf.get() & 0xff);
          case 3 -> t.setLong(i, buf.get());
          case 4 -> t.setLong(i, buf.getShort() & 0xffff);
          case 5 -> t.setLong(i, buf.getShort());
          case 6 -> t.setLong(i, buf.getInt());
          case 12 -> t.setLong(i, buf.getInt() & 0xffffffffL);
          default -> t.setLong(i, buf.getLong());
        }
      }
      return t;
    }
    int count = switch (p.getDataType()) {
      case 1 -> p.getFloatDataCount();
      case 11 -> p.getDoubleDataCount();
      case 7 -> p.getInt64DataCount();
      case 12, 13 -> p.getUint64DataCount();
      default -> p.getInt32DataCount();
    };
    if (count != n) throw new ImportException("tensor '" + p.getName() + "' has " + count + " values, expected " + n);
    Tensor t = Tensor.zeros(element, shape);
    for (int i = 0; i < n; i++) {
      switch (p.getDataType()) {
        case 1 -> t.set(i, p.getFloatData(i));
        case 11 -> t.set(i, p.getDoubleData(i));
        case 7 -> t.setLong(i, p.getInt64Data(i));
        case 12, 13 -> t.setLong(i, p.getUint64Data(i));
        case 10 -> t.set(i, Float.float16ToFloat((short) p.getInt32Data(i)));
        default -> t.setLong(i, p.getInt32Data(i));
      }
    }
    return t;
  }

  /** Encodes a tensor as a TensorProto with raw data. */
  public static TensorProto fromTensor(Tensor t, String name) {
    int type = onnxType(t.element());
    int eb = DenseElementsAttr.elementBytes(t.element());
    ByteBuffer buf = ByteBuffer.allocate(t.size() * eb).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < t.size(); i++) {
      switch (type) {
        case 1 -> buf.putFloat((float) t.get(i));
        case 11 -> buf.putDouble(t.get(i));
        case 10 -> buf.putShort(Float.floatToFloat16(dev.sol.ir.FloatFormat.toOddFloat(t.get(i))));
        case 2, 3, 9 -> buf.put((byte) t.getLong(i));
        case 4, 5 -> buf.putShort((short) t.getLong(i));
        case 6, 12 -> buf.putInt((int) t.getLong(i));
        default -> buf.putLong(t.getLong(i));
      }
    }
    TensorProto.Builder b = TensorProto.newBuilder().setDataType(type).setName(name).setRawData(ByteString.copyFrom(buf.array()));
    for (long d : t.shape()) b.addDims(d);
    return b.build();
  }
}
