package dev.sol.pass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares a pass: the name users type, a one-line summary, and the op it runs on. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PassInfo {
  /** The kebab-case name, e.g. {@code canonicalize}. */
  String name();

  String summary();

  /** The operation name the pass runs on, or {@code any}. */
  String anchor() default "any";
}
