package dev.sol.pass.conversion;

import dev.sol.ir.OpSpec;
import dev.sol.ir.Operation;
import dev.sol.ir.Value;
import java.util.List;

/** A {@link ConversionPattern} on one registered operation class. */
public abstract class OpConversionPattern<T extends Operation> extends ConversionPattern {
  private final Class<T> type;

  protected OpConversionPattern(Class<T> type, OpSpec spec, TypeConverter typeConverter) {
    super(spec.name(), 1, typeConverter);
    this.type = type;
  }

  @Override public final boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
    return type.isInstance(op) && convert(type.cast(op), operands, rewriter);
  }

  /** @param adaptor the operands of {@code op}, already converted */
  public abstract boolean convert(T op, List<Value> adaptor, ConversionRewriter rewriter);
}
