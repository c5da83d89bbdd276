package dev.sol.dialect;

import dev.sol.ir.*;
import java.util.function.Predicate;

/** Type and attribute constraints shared by the dialects, worded as in MLIR's ODS. */
public final class Constraints {
  private Constraints() {}

  private static TypeConstraint t(String d, Predicate<Type> p) { return new TypeConstraint(d, p); }

  private static AttrConstraint a(String d, Predicate<Attribute> p) { return new AttrConstraint(d, p); }

  /** The element type of a vector or tensor, else the type itself. */
  public static Type elementOrSelf(Type type) {
    if (type instanceof VectorType v) return v.element();
    if (type instanceof RankedTensorType r) return r.element();
    if (type instanceof UnrankedTensorType u) return u.element();
    return type;
  }

  private static boolean likeScalar(Type type, Predicate<Type> scalar) {
    if (type instanceof MemRefType || type instanceof UnrankedMemRefType) return false;
    return scalar.test(elementOrSelf(type));
  }

  public static boolean isSignlessInt(Type t) { return t instanceof IntegerType i && i.isSignless(); }

  public static final TypeConstraint ANY = t("any type", x -> true);
  public static final TypeConstraint INDEX = t("index", x -> x instanceof IndexType);
  public static final TypeConstraint I1 = t("1-bit signless integer", x -> x.equals(IntegerType.I1));
  public static final TypeConstraint SIGNLESS_INT_LIKE = t("signless-integer-like",
      x -> likeScalar(x, y -> isSignlessInt(y) || y instanceof IndexType));
  public static final TypeConstraint SIGNLESS_FIXED_INT_LIKE = t("signless-fixed-width-integer-like",
      x -> likeScalar(x, Constraints::isSignlessInt));
  public static final TypeConstraint FLOAT_LIKE = t("floating-point-like", x -> likeScalar(x, y -> y instanceof FloatType));
  public static final TypeConstraint BOOL_LIKE = t("bool-like", x -> likeScalar(x, y -> y.equals(IntegerType.I1)));
  public static final TypeConstraint SIGNLESS_INT_OR_FLOAT_LIKE = t("signless-integer-or-float-like",
      x -> likeScalar(x, y -> isSignlessInt(y) || y instanceof IndexType || y instanceof FloatType));
  public static final TypeConstraint MEMREF = t("memref of any type values", x -> x instanceof MemRefType);
  public static final TypeConstraint ANY_MEMREF = t("unranked.memref of any type values or memref of any type values",
      x -> x instanceof MemRefType || x instanceof UnrankedMemRefType);
  public static final TypeConstraint TENSOR = t("tensor of any type values", x -> x instanceof RankedTensorType || x instanceof UnrankedTensorType);
  public static final TypeConstraint VECTOR = t("vector of any type values", x -> x instanceof VectorType);
  public static final TypeConstraint SHAPED = t("shaped of any type values",
      x -> x instanceof MemRefType || x instanceof RankedTensorType);
  public static final TypeConstraint SCALAR = t("integer, index or floating-point",
      x -> x instanceof IntegerType || x instanceof IndexType || x instanceof FloatType);
  public static final TypeConstraint INT_OR_INDEX_1D_MEMREF = t("1D memref of signless integer or index values",
      x -> x instanceof MemRefType m && m.rank() == 1 && (isSignlessInt(m.element()) || m.element() instanceof IndexType));

  public static final AttrConstraint STRING = a("string attribute", x -> x instanceof StringAttr);
  public static final AttrConstraint UNIT = a("unit attribute", x -> x instanceof UnitAttr);
  public static final AttrConstraint ANY_ATTR = a("any attribute", x -> true);
  public static final AttrConstraint FLAT_SYMBOL_REF = a("flat symbol reference attribute",
      x -> x instanceof SymbolRefAttr s && s.isFlat());
  public static final AttrConstraint FUNCTION_TYPE = a("type attribute of function type",
      x -> x instanceof TypeAttr ta && ta.type() instanceof FunctionType);
  public static final AttrConstraint MEMREF_TYPE = a("memref type attribute",
      x -> x instanceof TypeAttr ta && ta.type() instanceof MemRefType);
  public static final AttrConstraint TYPED = a("TypedAttr instance",
      x -> x instanceof IntegerAttr || x instanceof FloatAttr || x instanceof DenseElementsAttr);
  public static final AttrConstraint BOOL = a("bool attribute", x -> x instanceof IntegerAttr i && i.isBool());
  public static final AttrConstraint I64 = a("64-bit signless integer attribute",
      x -> x instanceof IntegerAttr i && i.type().equals(IntegerType.I64));
  public static final AttrConstraint DICT_ARRAY = a("Array of dictionary attributes",
      x -> x instanceof ArrayAttr arr && arr.elements().stream().allMatch(e -> e instanceof DictionaryAttr));
  public static final AttrConstraint I64_ARRAY = a("64-bit integer array attribute",
      x -> x instanceof ArrayAttr arr && arr.elements().stream().allMatch(e -> e instanceof IntegerAttr i
          && i.type().equals(IntegerType.I64)));
  public static final AttrConstraint DENSE_I64_ARRAY = a("i64 dense array attribute",
      x -> x instanceof DenseArrayAttr d && d.elementType().equals(IntegerType.I64));
  public static final AttrConstraint BOOL_ARRAY = a("1-bit boolean array attribute",
      x -> x instanceof ArrayAttr arr && arr.elements().stream().allMatch(e -> e instanceof IntegerAttr i && i.isBool()));
  public static final AttrConstraint AFFINE_MAP = a("AffineMap attribute", x -> x instanceof AffineMapAttr);
  public static final AttrConstraint REASSOCIATION = a("Array of 64-bit integer array attributes",
      x -> x instanceof ArrayAttr arr && arr.elements().stream().allMatch(I64_ARRAY::accepts));
  public static final AttrConstraint DIALECT_ATTR = a("dialect attribute",
      x -> x instanceof OpaqueAttr || x instanceof DialectAttribute);

  /** An enum stored as an i64 attribute with values 0..max, e.g. comparison predicates. */
  public static AttrConstraint i64Enum(String what, int max) {
    StringBuilder cases = new StringBuilder();
    for (int i = 0; i <= max; i++) cases.append(i == 0 ? "" : ", ").append(i);
    return a("allowed 64-bit signless integer cases: " + cases + " (" + what + ")",
        x -> x instanceof IntegerAttr i && i.type().equals(IntegerType.I64) && i.value() >= 0 && i.value() <= max);
  }

  /** The shape of a vector or tensor type, or null for scalars. */
  public static long[] shapeOf(Type t) {
    if (t instanceof VectorType v) return v.shape();
    if (t instanceof RankedTensorType r) return r.shape();
    return null;
  }

  /** True when two types have the same container kind and shape (or are both scalars). */
  public static boolean sameShape(Type a, Type b) {
    if (a.getClass() != b.getClass() && !(isScalar(a) && isScalar(b))) return false;
    if (a instanceof VectorType va && !java.util.Arrays.equals(va.scalableDims(), ((VectorType) b).scalableDims())) return false;
    return java.util.Arrays.equals(shapeOf(a), shapeOf(b));
  }

  private static boolean isScalar(Type t) { return !(t instanceof ShapedType); }
}
