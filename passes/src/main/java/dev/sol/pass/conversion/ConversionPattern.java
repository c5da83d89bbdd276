package dev.sol.pass.conversion;

import dev.sol.ir.Operation;
import dev.sol.ir.Value;
import java.util.List;

/**
 * A rewrite used by dialect conversion: it receives the operands already converted (the
 * adaptor) and must replace, erase or update its root through the {@link ConversionRewriter}.
 */
public abstract class ConversionPattern {
  private final String rootName;
  private final int benefit;
  private final TypeConverter typeConverter;

  protected ConversionPattern(String rootName, int benefit, TypeConverter typeConverter) {
    this.rootName = rootName;
    this.benefit = benefit;
    this.typeConverter = typeConverter;
  }

  public final String rootName() { return rootName; }
  public final int benefit() { return benefit; }
  public final TypeConverter typeConverter() { return typeConverter; }

  public String debugName() { return getClass().getSimpleName(); }

  public abstract boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter);
}
