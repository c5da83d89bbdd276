package dev.sol.dialect.vector;

import dev.sol.dialect.ConstantFolding;
import dev.sol.ir.Attribute;
import dev.sol.ir.OpaqueAttr;
import java.util.Locale;

/**
 * The combining kinds of {@code vector.reduction} ({@code #vector.kind<add>}), with how each
 * combines two elements: the reduction's semantics, written once for every consumer.
 */
public enum CombiningKind {
  ADD, MUL, MINUI, MINSI, MINF, MAXUI, MAXSI, MAXF, AND, OR, XOR;

  /** The spelling inside {@code #vector.kind<...>}. */
  public String spelling() { return name().toLowerCase(Locale.ROOT); }

  /** The kind spelled {@code text}, or null. */
  public static CombiningKind parse(String text) {
    for (CombiningKind k : values()) if (k.spelling().equals(text)) return k;
    return null;
  }

  /** The spelling inside a {@code #vector.kind<...>} attribute, or null for any other attribute. */
  static String spellingOf(Attribute a) {
    return a instanceof OpaqueAttr o && o.name().equals("vector.kind") ? o.params().replaceAll("[<> ]", "") : null;
  }

  /** The kind a {@code #vector.kind<...>} attribute names; throws for anything else. */
  public static CombiningKind of(Attribute a) {
    CombiningKind k = parse(spellingOf(a));
    if (k == null) throw new IllegalArgumentException("not a vector combining kind: " + a);
    return k;
  }

  /** {@code #vector.kind<spelling>}. */
  public Attribute attribute() { return new OpaqueAttr("vector.kind", "<" + spelling() + ">"); }

  /** True for the kinds that reduce float vectors. */
  public boolean acceptsFloats() { return this == ADD || this == MUL || this == MINF || this == MAXF; }

  /** True for the kinds that reduce integer vectors. */
  public boolean acceptsInts() { return this != MINF && this != MAXF; }

  /** Combines two float elements; NaN propagates through minf and maxf. */
  public double combine(double a, double b) {
    return switch (this) {
      case ADD -> a + b;
      case MUL -> a * b;
      case MINF -> Math.min(a, b);
      case MAXF -> Math.max(a, b);
      default -> throw new IllegalArgumentException("'" + spelling() + "' does not combine floats");
    };
  }

  /** Combines two integers of {@code width} bits held sign-extended; the caller wraps the result. */
  public long combine(long a, long b, int width) {
    long ua = ConstantFolding.unsigned(a, width);
    long ub = ConstantFolding.unsigned(b, width);
    return switch (this) {
      case ADD -> a + b;
      case MUL -> a * b;
      case MINSI -> Math.min(a, b);
      case MAXSI -> Math.max(a, b);
      case MINUI -> Long.compareUnsigned(ua, ub) <= 0 ? a : b;
      case MAXUI -> Long.compareUnsigned(ua, ub) >= 0 ? a : b;
      case AND -> a & b;
      case OR -> a | b;
      case XOR -> a ^ b;
      default -> throw new IllegalArgumentException("'" + spelling() + "' does not combine integers");
    };
  }
}
