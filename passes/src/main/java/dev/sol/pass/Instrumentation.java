package dev.sol.pass;

import java.nio.file.Path;
import java.util.Set;

/**
 * What to observe while a pipeline runs, as mlir-opt's flags: IR dumps before/after
 * passes, a dump directory with one file per pass, timing, statistics, verification.
 *
 * @param printBefore pass names whose input IR to print
 * @param printAfter pass names whose output IR to print
 * @param treeDir when set, every pass writes its output IR to a numbered file below it
 * @param threading run nested pipelines on isolated-from-above ops in parallel
 */
public record Instrumentation(Set<String> printBefore, Set<String> printAfter, boolean printBeforeAll,
    boolean printAfterAll, boolean printAfterChange, boolean printAfterFailure, Path treeDir, boolean timing,
    boolean statistics, boolean verifyEach, boolean threading) {

  public static Instrumentation defaults() {
    return new Instrumentation(Set.of(), Set.of(), false, false, false, false, null, false, false, true, true);
  }

  boolean printsBefore(String pass) { return printBeforeAll || printBefore.contains(pass); }

  boolean printsAfter(String pass) { return printAfterAll || printAfter.contains(pass) || printAfterChange; }

  boolean printsAnything() {
    return printBeforeAll || printAfterAll || printAfterChange || printAfterFailure || !printBefore.isEmpty()
        || !printAfter.isEmpty() || treeDir != null;
  }
}
