package dev.sol.pass.conversion;

import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Converts operations until they are legal for a {@link ConversionTarget}, as MLIR's
 * dialect conversion: operations are visited in pre-order, each illegal one is rewritten
 * by the first pattern (by benefit) that succeeds and whose new operations can in turn be
 * legalized; a pattern that fails is rolled back. Partial conversion leaves operations of
 * unknown legality alone; full conversion requires everything to end up legal. On failure
 * the IR is restored to its original state and "failed to legalize operation" is reported,
 * or the reason a pattern gave through {@link ConversionRewriter#notifyMatchFailure}.
 */
public final class DialectConversion {
  private static final int MAX_DEPTH = 16;

  private final IRContext context;
  private final ConversionTarget target;
  private final List<ConversionPattern> patterns;
  private final boolean full;
  private final TypeConverter converter;
  private ConversionRewriter rewriter;

  private DialectConversion(IRContext context, ConversionTarget target, List<ConversionPattern> patterns, boolean full) {
    this.context = context;
    this.target = target;
    this.patterns = new ArrayList<>(patterns);
    this.patterns.sort(Comparator.comparingInt(ConversionPattern::benefit).reversed());
    this.full = full;
    this.converter = patterns.stream().map(ConversionPattern::typeConverter).filter(c -> c != null).findFirst().orElse(null);
  }

  /** Converts the illegal operations nested in {@code root}; others may remain. */
  public static boolean applyPartialConversion(IRContext context, Operation root, ConversionTarget target,
      List<ConversionPattern> patterns) {
    return new DialectConversion(context, target, patterns, false).run(root);
  }

  /** Converts every operation nested in {@code root} to a legal one, or fails. */
  public static boolean applyFullConversion(IRContext context, Operation root, ConversionTarget target,
      List<ConversionPattern> patterns) {
    return new DialectConversion(context, target, patterns, true).run(root);
  }

  private boolean run(Operation root) {
    rewriter = new ConversionRewriter(context);
    List<Operation> ops = new ArrayList<>();
    for (Region r : root.regions()) for (Block b : r.blocks()) for (Operation op : b.operations()) op.walkPreOrder(ops::add);
    for (Operation op : ops) {
      if (rewriter.isIgnored(op)) continue;
      Diagnostic failure = legalize(op, 0);
      if (failure != null) {
        rewriter.rollback(0);
        return context.diagnostics().report(failure);
      }
    }
    rewriter.commit(converter);
    return true;
  }

  /** Returns null when {@code op} is legal (or was made legal), else the error to report. */
  private Diagnostic legalize(Operation op, int depth) {
    ConversionTarget.Legality legality = target.legality(op);
    if (legality == ConversionTarget.Legality.LEGAL) return null;
    if (legality == ConversionTarget.Legality.UNKNOWN && !full) return null;
    if (depth < MAX_DEPTH) {
      for (ConversionPattern p : patterns) {
        if (p.rootName() != null && !p.rootName().equals(op.name())) continue;
        int checkpoint = rewriter.checkpoint();
        List<Value> operands = adaptor(op, p.typeConverter());
        rewriter.before(op);
        boolean ok = operands != null && p.matchAndRewrite(op, operands, rewriter);
        if (ok && !rewriter.isReplaced(op) && target.legality(op) != ConversionTarget.Legality.LEGAL) {
          ok = !(full || target.legality(op) == ConversionTarget.Legality.ILLEGAL);
        }
        if (ok) {
          for (Operation created : rewriter.createdSince(checkpoint)) {
            if (created == op || rewriter.isIgnored(created)) continue;
            if (legalize(created, depth + 1) != null) {
              ok = false;
              break;
            }
          }
        }
        if (ok) return null;
        rewriter.rollback(checkpoint);
      }
    }
    String reason = rewriter.failureReason(op);
    String message = reason != null ? reason : "failed to legalize operation '" + op.name() + "'"
        + (legality == ConversionTarget.Legality.ILLEGAL && !full ? " that was explicitly marked illegal" : "");
    return Diagnostic.error(op.location(), message);
  }

  /** The operands of {@code op} after the replacements so far, converted to legal types. */
  private List<Value> adaptor(Operation op, TypeConverter typeConverter) {
    List<Value> out = new ArrayList<>();
    for (Value v : op.operands()) {
      Value mapped = rewriter.lookup(v);
      if (typeConverter != null) {
        Type want = typeConverter.convertType(mapped.type());
        if (want == null) return null;
        if (!want.equals(mapped.type())) {
          rewriter.before(op);
          mapped = typeConverter.materializeTarget(rewriter, want, List.of(mapped), op.location());
          if (mapped == null) return null;
        }
      }
      out.add(mapped);
    }
    return out;
  }
}
