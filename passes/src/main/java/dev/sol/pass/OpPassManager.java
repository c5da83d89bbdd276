package dev.sol.pass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pipeline anchored on one operation name (or {@code any}): a sequence of passes that
 * run on the anchor op and of nested managers that run on the ops directly inside it.
 */
public final class OpPassManager implements PipelineElement {
  private final String anchor;
  private final List<PipelineElement> elements = new ArrayList<>();

  public OpPassManager(String anchor) { this.anchor = anchor; }

  public String anchor() { return anchor; }

  public List<PipelineElement> elements() { return Collections.unmodifiableList(elements); }

  public boolean isEmpty() { return elements.isEmpty(); }

  /** Adds a pass, checking that it may run on this manager's anchor. */
  @SuppressWarnings("unchecked")
  public OpPassManager addPass(Pass<?> pass, Record options) {
    String passAnchor = pass.info().anchor();
    if (!passAnchor.equals("any") && !passAnchor.equals(anchor)) {
      throw new PipelineException("pass '" + pass.info().name() + "' runs on '" + passAnchor
          + "' operations, but the pipeline places it on '" + anchor + "'; nest it: " + anchor + "(" + passAnchor + "("
          + pass.info().name() + "))");
    }
    elements.add(new PassRun((Pass<Record>) pass, options, PassState.newStatistics()));
    return this;
  }

  public OpPassManager addPass(Pass<?> pass) { return addPass(pass, pass.defaultOptions()); }

  /** Adds (or, if the last element already is one for {@code opName}, reuses) a nested manager. */
  public OpPassManager nest(String opName) {
    if (!elements.isEmpty() && elements.getLast() instanceof OpPassManager last && last.anchor.equals(opName)) return last;
    OpPassManager nested = new OpPassManager(opName);
    elements.add(nested);
    return nested;
  }

  /** The textual form, as accepted by {@code --pass-pipeline}. */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder(anchor).append('(');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) sb.append(',');
      switch (elements.get(i)) {
        case PassRun r -> sb.append(r.name()).append(PassOptionsText.of(r.options(), r.pass().defaultOptions()));
        case OpPassManager m -> sb.append(m);
      }
    }
    return sb.append(')').toString();
  }
}
