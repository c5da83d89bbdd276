package dev.sol.ir;

import java.util.List;

/** {@code [1 : i64, "a"]}. */
public record ArrayAttr(List<Attribute> elements) implements Attribute {
  public ArrayAttr {
    elements = List.copyOf(elements);
  }

  public int size() { return elements.size(); }
  public Attribute get(int i) { return elements.get(i); }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) sb.append(", ");
      String elided = elidedText(elements.get(i));
      sb.append(elided != null ? elided : elements.get(i).toString());
    }
    return sb.append(']').toString();
  }

  /** The text of an i64 integer or f64 float without its type, as MLIR prints array elements; else null. */
  public static String elidedText(Attribute a) {
    if (a instanceof IntegerAttr i && i.type().equals(IntegerType.I64)) return Long.toString(i.value());
    if (a instanceof FloatAttr f && f.type().equals(FloatType.F64)) return FloatFormat.format(f.type(), f.value());
    return null;
  }
}
