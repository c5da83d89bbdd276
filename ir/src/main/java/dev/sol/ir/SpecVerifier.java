package dev.sol.ir;

import dev.sol.ir.OpSpec.Arity;
import dev.sol.ir.OpSpec.AttrDef;
import dev.sol.ir.OpSpec.ValueDef;
import java.util.List;

/**
 * Checks an operation against its {@link OpSpec} in the order and the words of MLIR 16's
 * ODS-generated verifiers. {@link #structure} stands for the count traits MLIR derives from a
 * declaration (ZeroRegions, OneRegion, NRegions, AtLeastNRegions; the same for results,
 * successors and operands, in that order) and for AttrSizedOperandSegments. The structural
 * traits (terminator, parent, single block) come next, then {@link #invariants}: required
 * attributes, segment-size element counts, attribute constraints, operand groups and types,
 * result groups and types.
 */
final class SpecVerifier {
  private SpecVerifier() {}

  static boolean structure(OpSpec spec, Operation op, Diagnostics diag) {
    String error = regionCount(spec.numRegions(), spec.hasVariadicRegions(), op.numRegions());
    if (error == null) error = valueCount(spec.resultDefs(), op.numResults(), "result");
    if (error == null) error = successorCount(spec.numSuccessors(), spec.hasVariadicSuccessors(), op.numSuccessors());
    if (error == null) error = valueCount(spec.operandDefs(), op.numOperands(), "operand");
    if (error == null && OpSpec.needsSegments(spec.operandDefs())) error = segmentSizes(op, OpSpec.OPERAND_SEGMENTS, "operand", op.numOperands());
    if (error == null && OpSpec.needsSegments(spec.resultDefs())) error = segmentSizes(op, OpSpec.RESULT_SEGMENTS, "result", op.numResults());
    return error == null || diag.report(op.opError(error));
  }

  static boolean invariants(OpSpec spec, Operation op, Diagnostics diag) {
    String error = requiredAttributes(spec, op);
    if (error == null) error = segmentCount(spec.operandDefs(), op, OpSpec.OPERAND_SEGMENTS, "operand");
    if (error == null) error = segmentCount(spec.resultDefs(), op, OpSpec.RESULT_SEGMENTS, "result");
    for (AttrDef a : spec.attributeDefs()) {
      Attribute value = op.attribute(a.name());
      if (error == null && value != null && !a.constraint().accepts(value)) {
        error = "attribute '" + a.name() + "' failed to satisfy constraint: " + a.constraint().description();
      }
    }
    if (error == null) error = groups(spec, op, spec.operandDefs(), op.operandTypes(), "operand", true);
    if (error == null) error = groups(spec, op, spec.resultDefs(), op.resultTypes(), "result", false);
    return error == null || diag.report(op.opError(error));
  }

  private static String regionCount(int n, boolean variadic, int found) {
    if (variadic) return found < n ? "expected " + n + " or more regions" : null;
    if (found == n) return null;
    return switch (n) {
      case 0 -> "requires zero regions";
      case 1 -> "requires one region";
      default -> "expected " + n + " regions";
    };
  }

  private static String successorCount(int n, boolean variadic, int found) {
    if (variadic) return found < n ? "requires at least " + n + " successors but found " + found : null;
    if (found == n) return null;
    return "requires " + n + (n == 1 ? " successor" : " successors") + " but found " + found;
  }

  /** OneOperand, NOperands, AtLeastNOperands and so on; MLIR words the operand and result traits differently. */
  private static String valueCount(List<ValueDef> defs, int found, String kind) {
    int singles = 0;
    boolean variable = false;
    for (ValueDef d : defs) {
      if (d.arity() == Arity.SINGLE) singles++;
      else variable = true;
    }
    boolean operands = kind.equals("operand");
    if (variable) {
      if (found >= singles) return null;
      return "expected " + singles + " or more " + kind + "s" + (operands ? ", but found " + found : "");
    }
    if (found == singles) return null;
    return switch (singles) {
      case 0 -> "requires zero " + kind + "s";
      case 1 -> operands ? "requires a single operand" : "requires one result";
      default -> "expected " + singles + " " + kind + "s" + (operands ? ", but found " + found : "");
    };
  }

  /** AttrSizedOperandSegments and AttrSizedResultSegments: the attribute, its signs and its sum. */
  private static String segmentSizes(Operation op, String attr, String kind, int count) {
    if (!(op.attribute(attr) instanceof DenseArrayAttr seg && seg.ints() != null && seg.elementType().equals(IntegerType.I32))) {
      return "requires dense i32 array attribute '" + attr + "'";
    }
    long sum = 0;
    for (long s : seg.ints()) {
      if (s < 0) return "'" + attr + "' attribute cannot have negative elements";
      sum += s;
    }
    if (sum != count) {
      return kind + " count (" + count + ") does not match with the total size (" + sum + ") specified in attribute '" + attr + "'";
    }
    return null;
  }

  /** The first missing required attribute, in the sorted order in which MLIR 16 looks them up. */
  private static String requiredAttributes(OpSpec spec, Operation op) {
    String first = null;
    for (AttrDef a : spec.attributeDefs()) {
      if (!a.optional() && op.attribute(a.name()) == null && (first == null || a.name().compareTo(first) < 0)) first = a.name();
    }
    return first == null ? null : "requires attribute '" + first + "'";
  }

  private static String segmentCount(List<ValueDef> defs, Operation op, String attr, String kind) {
    if (!OpSpec.needsSegments(defs)) return null;
    int size = ((DenseArrayAttr) op.attribute(attr)).size();
    if (size == defs.size()) return null;
    return "'" + attr + "' attribute for specifying " + kind + " segments must have " + defs.size() + " elements, but got " + size;
  }

  /**
   * Each group's size (an optional group holds at most one value) and its values' types. MLIR 16
   * does not check that a single group of a segmented op holds exactly one value; that check
   * comes last here, so that ops' own verifiers can rely on it.
   */
  private static String groups(OpSpec spec, Operation op, List<ValueDef> defs, List<Type> types, String kind, boolean operands) {
    int index = 0;
    for (int i = 0; i < defs.size(); i++) {
      ValueDef def = defs.get(i);
      int size = (operands ? spec.operandRange(op, i) : spec.resultRange(op, i))[1];
      if (def.arity() == Arity.OPTIONAL && size > 1) {
        return kind + " group starting at #" + index + " requires 0 or 1 element, but found " + size;
      }
      for (int j = 0; j < size; j++, index++) {
        Type t = types.get(index);
        if (!def.constraint().accepts(t)) {
          return kind + " #" + index + " must be " + def.constraint().description() + ", but got '" + t + "'";
        }
      }
      if (def.arity() == Arity.SINGLE && size != 1) {
        return kind + " group starting at #" + (index - size) + " requires 1 element, but found " + size;
      }
    }
    return null;
  }
}
