package dev.sol.ir;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code dense<[1.0, 2.0]> : tensor<2xf32>}: constant tensor data stored packed,
 * little-endian, one element after another (booleans one byte each). A splat holds one
 * element; data whose elements are all equal is always stored as a splat, as in MLIR.
 */
public final class DenseElementsAttr implements Attribute {
  /** Above this many elements, non-splat data prints as a hex blob, like mlir-opt. */
  public static final int HEX_THRESHOLD = 100;

  private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final Type type;
  private final byte[] data;
  private final boolean splat;
  private final int elementBytes;
  /** The hash code, computed on first use (0: not yet): weights are hashed by every folder that dedupes constants. */
  private int hash;

  private DenseElementsAttr(Type type, byte[] data, boolean splat) {
    this.type = type;
    this.data = data;
    this.splat = splat;
    this.elementBytes = elementBytes(((ShapedType) type).element());
  }

  /** Bytes one element occupies in storage, or -1 when the element type is not supported. */
  public static int elementBytes(Type element) {
    return switch (element) {
      case IntegerType it -> it.width() > 64 ? -1 : (it.width() + 7) / 8;
      case IndexType ignored -> 8;
      case FloatType ft -> switch (ft.kind()) {
        case F16, BF16 -> 2;
        case F32 -> 4;
        case F64 -> 8;
        default -> -1;
      };
      default -> -1;
    };
  }

  /**
   * Wraps raw little-endian data: either one element (a splat) or all of them. Takes
   * ownership of the array.
   */
  public static DenseElementsAttr fromRaw(Type type, byte[] raw) {
    if (!(type instanceof ShapedType st) || !st.hasStaticShape()) {
      throw new IllegalArgumentException("dense elements need a statically shaped type, got " + type);
    }
    int eb = elementBytes(st.element());
    if (eb < 0) throw new IllegalArgumentException("unsupported dense element type " + st.element());
    long n = st.numElements();
    if (raw.length == eb && n >= 1) return new DenseElementsAttr(type, raw, true);
    if (raw.length != n * eb) {
      throw new IllegalArgumentException("expected " + n * eb + " bytes of data for " + type + ", got " + raw.length);
    }
    if (n > 1 && allEqual(raw, eb)) return new DenseElementsAttr(type, Arrays.copyOf(raw, eb), true);
    return new DenseElementsAttr(type, raw, false);
  }

  /** Whether every element equals the first: each byte equals the one an element further on (one vectorized comparison). */
  private static boolean allEqual(byte[] raw, int eb) {
    return Arrays.mismatch(raw, 0, raw.length - eb, raw, eb, raw.length) < 0;
  }

  public static DenseElementsAttr ofDoubles(Type type, double[] values) {
    FloatType ft = (FloatType) ((ShapedType) type).element();
    int eb = elementBytes(ft);
    byte[] raw = new byte[values.length * eb];
    for (int i = 0; i < values.length; i++) putBits(raw, i * eb, eb, FloatFormat.bits(ft, values[i]));
    return fromRaw(type, raw);
  }

  public static DenseElementsAttr ofLongs(Type type, long[] values) {
    int eb = elementBytes(((ShapedType) type).element());
    byte[] raw = new byte[values.length * eb];
    for (int i = 0; i < values.length; i++) putBits(raw, i * eb, eb, values[i]);
    return fromRaw(type, raw);
  }

  static void putBits(byte[] raw, int offset, int bytes, long bits) {
    switch (bytes) {
      case 1 -> raw[offset] = (byte) bits;
      case 2 -> I16.set(raw, offset, (short) bits);
      case 4 -> I32.set(raw, offset, (int) bits);
      case 8 -> I64.set(raw, offset, bits);
      default -> {
        for (int b = 0; b < bytes; b++) raw[offset + b] = (byte) (bits >>> (8 * b));
      }
    }
  }

  private long rawBits(int index) {
    int off = splat ? 0 : index * elementBytes;
    return switch (elementBytes) {
      case 1 -> data[off] & 0xffL;
      case 2 -> (short) I16.get(data, off) & 0xffffL;
      case 4 -> (int) I32.get(data, off) & 0xffffffffL;
      case 8 -> (long) I64.get(data, off);
      default -> {
        long v = 0;
        for (int b = 0; b < elementBytes; b++) v |= (data[off + b] & 0xffL) << (8 * b);
        yield v;
      }
    };
  }

  public Type type() { return type; }
  public ShapedType shapedType() { return (ShapedType) type; }
  public Type elementType() { return shapedType().element(); }
  public boolean isSplat() { return splat; }
  public long numElements() { return shapedType().numElements(); }

  /** Element {@code index} of an integer or index tensor, extended per its signedness. */
  public long getLong(long index) {
    return IntegerAttr.normalize(elementType(), rawBits((int) index));
  }

  /** Element {@code index} of a float tensor. */
  public double getDouble(long index) {
    return FloatFormat.fromBits((FloatType) elementType(), rawBits((int) index));
  }

  /** The stored bytes: one element for a splat, else all. Do not modify. */
  public byte[] rawData() { return data; }

  @Override public boolean equals(Object o) {
    return o instanceof DenseElementsAttr d && splat == d.splat && type.equals(d.type) && Arrays.equals(data, d.data);
  }

  /**
   * A hash of the length and at most 4096 evenly spaced 8-byte words: hashing every byte of a
   * network's weights each time a folder looks a constant up cost a tenth of a second per
   * pass. Equal arrays still hash equally; equality compares every byte.
   */
  private static int sampledHash(byte[] d) {
    if (d.length <= 32768) return Arrays.hashCode(d);
    int h = d.length;
    long step = (d.length - 8) / 4095;
    for (int i = 0; i < 4096; i++) h = 31 * h + Long.hashCode((long) I64.get(d, (int) (i * step)));
    return h;
  }

  @Override public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = type.hashCode() * 31 + sampledHash(data);
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("dense<");
    appendBody(sb);
    return sb.append("> : ").append(type).toString();
  }

  private String element(int index) {
    Type e = elementType();
    if (e instanceof FloatType ft) return FloatFormat.format(ft, getDouble(index));
    return IntegerAttr.valueText(e, getLong(index));
  }

  /** Appends what goes between {@code dense<} and {@code >}. */
  public void appendBody(StringBuilder sb) {
    long n = numElements();
    if (n == 0) return;
    if (splat) {
      sb.append(element(0));
      return;
    }
    if (n > HEX_THRESHOLD) {
      sb.append("\"0x").append(HexFormat.of().withUpperCase().formatHex(hexPayload())).append('"');
      return;
    }
    appendNested(sb, 0, 0);
  }

  /** MLIR packs booleans as bits in hex blobs. */
  private byte[] hexPayload() {
    if (!(elementType() instanceof IntegerType it && it.width() == 1)) return data;
    byte[] bits = new byte[(data.length + 7) / 8];
    for (int i = 0; i < data.length; i++) if (data[i] != 0) bits[i / 8] |= (byte) (1 << (i % 8));
    return bits;
  }

  /** Decodes the payload of {@code dense<"0x...">} for {@code type}. */
  public static DenseElementsAttr fromHex(Type type, byte[] payload) {
    ShapedType st = (ShapedType) type;
    if (st.element() instanceof IntegerType it && it.width() == 1) {
      long n = st.numElements();
      if (payload.length == 1 && n != 1 && (payload[0] == 0 || payload[0] == 1 || payload[0] == (byte) 0xff)) {
        return fromRaw(type, new byte[] {(byte) (payload[0] != 0 ? 1 : 0)});
      }
      if (payload.length != (n + 7) / 8) {
        throw new IllegalArgumentException("expected " + (n + 7) / 8 + " bytes of packed i1 data, got " + payload.length);
      }
      byte[] raw = new byte[(int) n];
      for (int i = 0; i < n; i++) raw[i] = (byte) ((payload[i / 8] >> (i % 8)) & 1);
      return fromRaw(type, raw);
    }
    return fromRaw(type, payload);
  }

  private int appendNested(StringBuilder sb, int dim, int flat) {
    long[] shape = shapedType().shape();
    if (dim == shape.length) {
      sb.append(element(flat));
      return flat + 1;
    }
    sb.append('[');
    for (long i = 0; i < shape[dim]; i++) {
      if (i > 0) sb.append(", ");
      flat = appendNested(sb, dim + 1, flat);
    }
    sb.append(']');
    return flat;
  }
}
