package dev.sol.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The declaration of an operation: its name, operands, results, attributes, regions and
 * successors with their constraints, and the class that represents it. Declared once per
 * op class as {@code SPEC}; {@link SpecVerifier} checks everything it says.
 */
public final class OpSpec {
  public enum Arity { SINGLE, OPTIONAL, VARIADIC }

  public record ValueDef(String name, TypeConstraint constraint, Arity arity) {}

  public record AttrDef(String name, AttrConstraint constraint, boolean optional) {}

  public static final String OPERAND_SEGMENTS = "operand_segment_sizes";
  public static final String RESULT_SEGMENTS = "result_segment_sizes";

  private final String name;
  private final Class<? extends Operation> opClass;
  private final Function<OperationState, ? extends Operation> factory;
  private final List<ValueDef> operands = new ArrayList<>();
  private final List<ValueDef> results = new ArrayList<>();
  private final List<AttrDef> attributes = new ArrayList<>();
  private int numRegions;
  private boolean variadicRegions;
  private int numSuccessors;
  private boolean variadicSuccessors;
  private String summary = "";

  private OpSpec(String name, Class<? extends Operation> opClass, Function<OperationState, ? extends Operation> factory) {
    this.name = name;
    this.opClass = opClass;
    this.factory = factory;
  }

  public static <T extends Operation> OpSpec named(String name, Class<T> opClass, Function<OperationState, T> factory) {
    return new OpSpec(name, opClass, factory);
  }

  /** True when the op class implements the trait or interface, known before any instance exists. */
  public boolean hasTrait(Class<?> trait) { return trait.isAssignableFrom(opClass); }

  public Class<? extends Operation> opClass() { return opClass; }

  public OpSpec summary(String text) {
    summary = text;
    return this;
  }

  public OpSpec operand(String n, TypeConstraint c) { return addOperand(n, c, Arity.SINGLE); }
  public OpSpec optionalOperand(String n, TypeConstraint c) { return addOperand(n, c, Arity.OPTIONAL); }
  public OpSpec variadicOperand(String n, TypeConstraint c) { return addOperand(n, c, Arity.VARIADIC); }

  private OpSpec addOperand(String n, TypeConstraint c, Arity a) {
    operands.add(new ValueDef(n, c, a));
    return this;
  }

  public OpSpec result(String n, TypeConstraint c) { return addResult(n, c, Arity.SINGLE); }
  public OpSpec optionalResult(String n, TypeConstraint c) { return addResult(n, c, Arity.OPTIONAL); }
  public OpSpec variadicResult(String n, TypeConstraint c) { return addResult(n, c, Arity.VARIADIC); }

  private OpSpec addResult(String n, TypeConstraint c, Arity a) {
    results.add(new ValueDef(n, c, a));
    return this;
  }

  public OpSpec attribute(String n, AttrConstraint c) {
    attributes.add(new AttrDef(n, c, false));
    return this;
  }

  public OpSpec optionalAttribute(String n, AttrConstraint c) {
    attributes.add(new AttrDef(n, c, true));
    return this;
  }

  public OpSpec regions(int n) {
    numRegions = n;
    return this;
  }

  public OpSpec variadicRegions() {
    variadicRegions = true;
    return this;
  }

  public OpSpec successors(int n) {
    numSuccessors = n;
    return this;
  }

  public OpSpec variadicSuccessors() {
    variadicSuccessors = true;
    return this;
  }

  public String name() { return name; }
  public String summaryText() { return summary; }
  public List<ValueDef> operandDefs() { return operands; }
  public List<ValueDef> resultDefs() { return results; }
  public List<AttrDef> attributeDefs() { return attributes; }
  public int numRegions() { return numRegions; }
  public boolean hasVariadicRegions() { return variadicRegions; }
  public int numSuccessors() { return numSuccessors; }
  public boolean hasVariadicSuccessors() { return variadicSuccessors; }

  Operation instantiate(OperationState state) { return factory.apply(state); }

  /** Whether more than one of {@code defs} is variadic or optional (then a segment-sizes attribute splits the values); a loop, as every typed accessor asks. */
  static boolean needsSegments(List<ValueDef> defs) {
    int variable = 0;
    for (ValueDef d : defs) if (d.arity != Arity.SINGLE && ++variable > 1) return true;
    return false;
  }

  /** Start and length of segment {@code segment} of the operands of {@code op}. */
  int[] operandRange(Operation op, int segment) {
    return range(op, operands, op.numOperands(), OPERAND_SEGMENTS, segment);
  }

  /** Start and length of result segment {@code segment}. */
  public int[] resultRange(Operation op, int segment) {
    return range(op, results, op.numResults(), RESULT_SEGMENTS, segment);
  }

  private static int[] range(Operation op, List<ValueDef> defs, int total, String segAttr, int segment) {
    if (needsSegments(defs)) {
      long[] sizes = ((DenseArrayAttr) op.attribute(segAttr)).ints();
      int start = 0;
      for (int i = 0; i < segment; i++) start += (int) sizes[i];
      return new int[] {start, (int) sizes[segment]};
    }
    int variadicSize = total - (defs.size() - 1);
    int start = 0;
    for (int i = 0; i < segment; i++) start += defs.get(i).arity == Arity.SINGLE ? 1 : variadicSize;
    return new int[] {start, defs.get(segment).arity == Arity.SINGLE ? 1 : variadicSize};
  }
}
