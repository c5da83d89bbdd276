package dev.sol.ir;

/** {@code i32}, {@code si8}, {@code ui16}: an integer of a bit width and signedness. */
public record IntegerType(int width, Signedness signedness) implements Type {
  public enum Signedness { SIGNLESS, SIGNED, UNSIGNED }

  public static final IntegerType I1 = new IntegerType(1, Signedness.SIGNLESS);
  public static final IntegerType I8 = new IntegerType(8, Signedness.SIGNLESS);
  public static final IntegerType I16 = new IntegerType(16, Signedness.SIGNLESS);
  public static final IntegerType I32 = new IntegerType(32, Signedness.SIGNLESS);
  public static final IntegerType I64 = new IntegerType(64, Signedness.SIGNLESS);

  public IntegerType {
    if (width <= 0 || width > 16777215) throw new IllegalArgumentException("invalid integer width " + width);
  }

  public static IntegerType signless(int width) { return new IntegerType(width, Signedness.SIGNLESS); }

  public boolean isSignless() { return signedness == Signedness.SIGNLESS; }

  @Override public String toString() {
    return switch (signedness) {
      case SIGNLESS -> "i" + width;
      case SIGNED -> "si" + width;
      case UNSIGNED -> "ui" + width;
    };
  }
}
