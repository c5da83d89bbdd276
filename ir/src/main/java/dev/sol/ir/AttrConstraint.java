package dev.sol.ir;

import java.util.function.Predicate;

/** A named predicate on attributes; the description appears in verifier messages. */
public record AttrConstraint(String description, Predicate<Attribute> test) {
  public boolean accepts(Attribute a) { return test.test(a); }
}
