package dev.sol.dialect.arith;

/**
 * The predicates of {@code arith.cmpi}, in MLIR's numbering (the {@code predicate}
 * attribute holds {@link #ordinal()}). Signed predicates read the operands as two's
 * complement, unsigned ones as unsigned numbers of the operand's width. The truth table
 * lives here once: folding, the interpreter and code generation all read it from this enum.
 */
public enum CmpIPredicate {
  EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE;

  /** The predicate with MLIR's number {@code value}; throws for numbers outside 0-9. */
  public static CmpIPredicate of(long value) {
    if (value < 0 || value >= values().length) throw new IllegalArgumentException("no arith.cmpi predicate " + value);
    return values()[(int) value];
  }

  /** MLIR's number of this predicate. */
  public long value() { return ordinal(); }

  /** The predicate that holds exactly when this one does not ({@code slt} for {@code sge}). */
  public CmpIPredicate negated() {
    return switch (this) {
      case EQ -> NE;
      case NE -> EQ;
      case SLT -> SGE;
      case SLE -> SGT;
      case SGT -> SLE;
      case SGE -> SLT;
      case ULT -> UGE;
      case ULE -> UGT;
      case UGT -> ULE;
      case UGE -> ULT;
    };
  }

  /** True when the predicate holds for equal operands. */
  public boolean holdsForEqual() { return this == EQ || this == SLE || this == SGE || this == ULE || this == UGE; }

  /**
   * Compares two integers of {@code width} bits, given sign-extended in longs (as the
   * constant folder and the interpreter hold them).
   */
  public boolean test(long a, long b, int width) {
    long mask = width >= 64 ? -1L : (1L << width) - 1;
    return switch (this) {
      case EQ -> a == b;
      case NE -> a != b;
      case SLT -> a < b;
      case SLE -> a <= b;
      case SGT -> a > b;
      case SGE -> a >= b;
      case ULT -> Long.compareUnsigned(a & mask, b & mask) < 0;
      case ULE -> Long.compareUnsigned(a & mask, b & mask) <= 0;
      case UGT -> Long.compareUnsigned(a & mask, b & mask) > 0;
      case UGE -> Long.compareUnsigned(a & mask, b & mask) >= 0;
    };
  }
}
