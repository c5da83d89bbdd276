package dev.sol.runtime;

import dev.sol.ir.FloatType;
import dev.sol.ir.IntegerType;
import dev.sol.ir.Type;

/**
 * The element types a model's inputs and outputs may have, as ONNX names them. In memory
 * each element takes {@link #byteSize()} bytes in native byte order; BOOL is one byte, 0 or 1,
 * and FLOAT16 is IEEE half precision.
 */
public enum ElementType {
  FLOAT(4, FloatType.F32),
  DOUBLE(8, FloatType.F64),
  FLOAT16(2, FloatType.F16),
  INT8(1, IntegerType.I8),
  INT16(2, IntegerType.I16),
  INT32(4, IntegerType.I32),
  INT64(8, IntegerType.I64),
  UINT8(1, new IntegerType(8, IntegerType.Signedness.UNSIGNED)),
  UINT16(2, new IntegerType(16, IntegerType.Signedness.UNSIGNED)),
  UINT32(4, new IntegerType(32, IntegerType.Signedness.UNSIGNED)),
  UINT64(8, new IntegerType(64, IntegerType.Signedness.UNSIGNED)),
  BOOL(1, IntegerType.I1);

  private final int byteSize;
  private final Type irType;

  ElementType(int byteSize, Type irType) {
    this.byteSize = byteSize;
    this.irType = irType;
  }

  /** Bytes per element. */
  public int byteSize() { return byteSize; }

  /** FLOAT, DOUBLE and FLOAT16. */
  public boolean isFloatingPoint() { return irType instanceof FloatType; }

  boolean isUnsigned() { return irType instanceof IntegerType it && it.signedness() == IntegerType.Signedness.UNSIGNED; }

  /** The IR's element type: signless integers for the signed types (the ONNX import's choice). */
  Type irType() { return irType; }

  /** The element type of an IR type; null when it has none here (index, bf16, wide integers). */
  static ElementType of(Type t) {
    for (ElementType e : values()) {
      if (e.irType.equals(t)) return e;
    }
    return t instanceof IntegerType it && it.signedness() == IntegerType.Signedness.SIGNED ? of(IntegerType.signless(it.width())) : null;
  }

  /** How the IR spells it: f32, i64, ui8, i1. */
  String irName() { return irType.toString(); }
}
