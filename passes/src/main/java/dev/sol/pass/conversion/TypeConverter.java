package dev.sol.pass.conversion;

import dev.sol.dialect.builtin.UnrealizedConversionCastOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Converts types for a conversion: rules are tried from the most recently added; a rule
 * returns the converted type or null to pass. Materializations build a value of one type
 * from values of another: {@code target} when a pattern needs an operand in the converted
 * type, {@code source} when an unconverted user still needs the original type. Both
 * default to {@code builtin.unrealized_conversion_cast}.
 */
public final class TypeConverter {
  /** Builds one value of {@code type} from {@code inputs}, or returns null when it cannot. */
  public interface Materialization {
    Value materialize(Builder builder, Type type, List<Value> inputs, Location loc);
  }

  private final List<Function<Type, Type>> rules = new ArrayList<>();
  private Materialization source = TypeConverter::cast;
  private Materialization target = TypeConverter::cast;

  public TypeConverter addConversion(Function<Type, Type> rule) {
    rules.add(rule);
    return this;
  }

  public TypeConverter setSourceMaterialization(Materialization m) {
    source = m;
    return this;
  }

  public TypeConverter setTargetMaterialization(Materialization m) {
    target = m;
    return this;
  }

  /** The converted type, or null when no rule applies. */
  public Type convertType(Type t) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      Type r = rules.get(i).apply(t);
      if (r != null) return r;
    }
    return null;
  }

  public boolean isLegal(Type t) { return t.equals(convertType(t)); }

  /** True when every operand and result type of {@code op} is legal. */
  public boolean isLegal(Operation op) {
    for (Type t : op.operandTypes()) if (!isLegal(t)) return false;
    for (Type t : op.resultTypes()) if (!isLegal(t)) return false;
    return true;
  }

  Value materializeSource(Builder b, Type type, List<Value> inputs, Location loc) { return source.materialize(b, type, inputs, loc); }

  Value materializeTarget(Builder b, Type type, List<Value> inputs, Location loc) { return target.materialize(b, type, inputs, loc); }

  static Value cast(Builder b, Type type, List<Value> inputs, Location loc) {
    return UnrealizedConversionCastOp.create(b, loc, List.of(type), inputs).result();
  }
}
