package dev.sol.ir;

/**
 * A type of the IR. Builtin types are immutable records; dialects extend the
 * set through {@link DialectType}. {@link #toString()} is the textual form.
 */
public sealed interface Type permits IntegerType, IndexType, FloatType, NoneType, ComplexType,
    RankedTensorType, UnrankedTensorType, MemRefType, UnrankedMemRefType, VectorType,
    FunctionType, TupleType, OpaqueType, DialectType {}
