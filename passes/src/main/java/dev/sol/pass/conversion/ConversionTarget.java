package dev.sol.pass.conversion;

import dev.sol.ir.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Which operations are legal after a conversion: by op name or dialect, fixed or decided per op. */
public final class ConversionTarget {
  public enum Legality { LEGAL, ILLEGAL, UNKNOWN }

  private final Map<String, Predicate<Operation>> ops = new HashMap<>();
  private final Map<String, Predicate<Operation>> dialects = new HashMap<>();

  public ConversionTarget addLegalOp(String name) { return addDynamicallyLegalOp(name, op -> true); }

  public ConversionTarget addIllegalOp(String name) { return addDynamicallyLegalOp(name, op -> false); }

  /** The op is legal when {@code isLegal} holds for it. */
  public ConversionTarget addDynamicallyLegalOp(String name, Predicate<Operation> isLegal) {
    ops.put(name, isLegal);
    return this;
  }

  public ConversionTarget addLegalDialect(String namespace) { return addDynamicallyLegalDialect(namespace, op -> true); }

  public ConversionTarget addIllegalDialect(String namespace) { return addDynamicallyLegalDialect(namespace, op -> false); }

  public ConversionTarget addDynamicallyLegalDialect(String namespace, Predicate<Operation> isLegal) {
    dialects.put(namespace, isLegal);
    return this;
  }

  /** Op-level rules win over dialect-level ones; ops that neither mentions are UNKNOWN. */
  public Legality legality(Operation op) {
    Predicate<Operation> rule = ops.get(op.name());
    if (rule == null) rule = dialects.get(op.dialectNamespace());
    if (rule == null) return Legality.UNKNOWN;
    return rule.test(op) ? Legality.LEGAL : Legality.ILLEGAL;
  }
}
