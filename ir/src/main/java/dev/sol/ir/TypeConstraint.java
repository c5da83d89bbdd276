package dev.sol.ir;

import java.util.function.Predicate;

/** A named predicate on types; the description appears in verifier messages. */
public record TypeConstraint(String description, Predicate<Type> test) {
  public boolean accepts(Type t) { return test.test(t); }

  public TypeConstraint or(TypeConstraint other) {
    return new TypeConstraint(description + " or " + other.description, t -> test.test(t) || other.test.test(t));
  }
}
