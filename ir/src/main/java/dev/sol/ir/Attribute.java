package dev.sol.ir;

/**
 * An immutable compile-time value attached to an operation. Builtin attributes are
 * records; {@link #toString()} prints the textual form without aliases.
 */
public sealed interface Attribute permits IntegerAttr, FloatAttr, StringAttr, ArrayAttr, DictionaryAttr,
    DenseElementsAttr, DenseArrayAttr, TypeAttr, UnitAttr, SymbolRefAttr, AffineMapAttr, StridedLayoutAttr,
    OpaqueAttr, Location, DialectAttribute {}
