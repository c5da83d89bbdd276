package dev.sol.ir;

/**
 * An affine expression over dimensions {@code d_i}, symbols {@code s_j} and constants.
 * The factories simplify as MLIR's builders do (constants folded and moved right,
 * subtraction as multiplication by -1), so that printing matches mlir-opt.
 */
public sealed interface AffineExpr {
  record Dim(int position) implements AffineExpr {}

  record Symbol(int position) implements AffineExpr {}

  record Constant(long value) implements AffineExpr {}

  record Binary(Kind kind, AffineExpr lhs, AffineExpr rhs) implements AffineExpr {}

  enum Kind {
    ADD(" + "), MUL(" * "), MOD(" mod "), FLOOR_DIV(" floordiv "), CEIL_DIV(" ceildiv ");

    final String spelling;

    Kind(String spelling) { this.spelling = spelling; }
  }

  static AffineExpr constant(long v) { return new Constant(v); }

  static AffineExpr add(AffineExpr a, AffineExpr b) {
    if (a instanceof Constant x && b instanceof Constant y) return constant(x.value + y.value);
    if (a instanceof Constant) return add(b, a);
    if (b instanceof Constant y && y.value == 0) return a;
    if (b instanceof Constant y && a instanceof Binary(Kind k, AffineExpr l, Constant r) && k == Kind.ADD) {
      return add(l, constant(r.value + y.value));
    }
    return new Binary(Kind.ADD, a, b);
  }

  static AffineExpr mul(AffineExpr a, AffineExpr b) {
    if (a instanceof Constant x && b instanceof Constant y) return constant(x.value * y.value);
    if (a instanceof Constant) return mul(b, a);
    if (b instanceof Constant y && y.value == 1) return a;
    if (b instanceof Constant y && y.value == 0) return constant(0);
    if (b instanceof Constant y && a instanceof Binary(Kind k, AffineExpr l, Constant r) && k == Kind.MUL) {
      return mul(l, constant(r.value * y.value));
    }
    return new Binary(Kind.MUL, a, b);
  }

  static AffineExpr sub(AffineExpr a, AffineExpr b) { return add(a, mul(b, constant(-1))); }

  static AffineExpr neg(AffineExpr a) { return mul(a, constant(-1)); }

  static AffineExpr binary(Kind kind, AffineExpr a, AffineExpr b) {
    if (kind == Kind.ADD) return add(a, b);
    if (kind == Kind.MUL) return mul(a, b);
    if (a instanceof Constant x && b instanceof Constant y && y.value != 0) {
      return switch (kind) {
        case MOD -> constant(Math.floorMod(x.value, y.value));
        case FLOOR_DIV -> constant(Math.floorDiv(x.value, y.value));
        default -> constant(-Math.floorDiv(-x.value, y.value));
      };
    }
    if (b instanceof Constant y && y.value == 1) return kind == Kind.MOD ? constant(0) : a;
    return new Binary(kind, a, b);
  }

  /** Prints the expression as MLIR's AsmPrinter does. */
  static void print(StringBuilder sb, AffineExpr e, boolean strong) {
    switch (e) {
      case Dim d -> sb.append('d').append(d.position);
      case Symbol s -> sb.append('s').append(s.position);
      case Constant c -> sb.append(c.value);
      case Binary b -> printBinary(sb, b, strong);
    }
  }

  private static void printBinary(StringBuilder sb, Binary b, boolean strong) {
    if (strong) sb.append('(');
    if (b.kind != Kind.ADD) {
      if (b.kind == Kind.MUL && b.rhs instanceof Constant c && c.value == -1) {
        sb.append('-');
        print(sb, b.lhs, true);
      } else {
        print(sb, b.lhs, true);
        sb.append(b.kind.spelling);
        print(sb, b.rhs, true);
      }
    } else if (b.rhs instanceof Binary(Kind k, AffineExpr rl, Constant rc) && k == Kind.MUL && rc.value <= -1) {
      print(sb, b.lhs, false);
      sb.append(" - ");
      if (rc.value == -1) {
        print(sb, rl, rl instanceof Binary rb && rb.kind == Kind.ADD);
      } else {
        print(sb, rl, true);
        sb.append(" * ").append(-rc.value);
      }
    } else if (b.rhs instanceof Constant c && c.value < 0) {
      print(sb, b.lhs, false);
      sb.append(" - ").append(-c.value);
    } else {
      print(sb, b.lhs, false);
      sb.append(" + ");
      print(sb, b.rhs, false);
    }
    if (strong) sb.append(')');
  }
}
