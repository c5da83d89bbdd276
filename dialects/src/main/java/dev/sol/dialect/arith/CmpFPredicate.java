package dev.sol.dialect.arith;

/**
 * The predicates of {@code arith.cmpf}, in MLIR's numbering (the {@code predicate}
 * attribute holds {@link #ordinal()}). {@code O*} predicates are false when either operand
 * is NaN, {@code U*} predicates are true then. The truth table lives here once: folding,
 * the interpreter and code generation all read it from this enum.
 */
public enum CmpFPredicate {
  FALSE, OEQ, OGT, OGE, OLT, OLE, ONE, ORD, UEQ, UGT, UGE, ULT, ULE, UNE, UNO, TRUE;

  /** The predicate with MLIR's number {@code value}; throws for numbers outside 0-15. */
  public static CmpFPredicate of(long value) {
    if (value < 0 || value >= values().length) throw new IllegalArgumentException("no arith.cmpf predicate " + value);
    return values()[(int) value];
  }

  /** MLIR's number of this predicate. */
  public long value() { return ordinal(); }

  /** Compares two floats (as doubles: every narrower float widens exactly). */
  public boolean test(double a, double b) {
    boolean unordered = Double.isNaN(a) || Double.isNaN(b);
    return switch (this) {
      case FALSE -> false;
      case OEQ -> !unordered && a == b;
      case OGT -> !unordered && a > b;
      case OGE -> !unordered && a >= b;
      case OLT -> !unordered && a < b;
      case OLE -> !unordered && a <= b;
      case ONE -> !unordered && a != b;
      case ORD -> !unordered;
      case UEQ -> unordered || a == b;
      case UGT -> unordered || a > b;
      case UGE -> unordered || a >= b;
      case ULT -> unordered || a < b;
      case ULE -> unordered || a <= b;
      case UNE -> unordered || a != b;
      case UNO -> unordered;
      case TRUE -> true;
    };
  }
}
