package dev.sol.textir;

import dev.sol.ir.*;
import dev.sol.textir.MlirParser.*;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/** Builds types, attributes and locations from parse-tree nodes, resolving aliases. */
final class AttributeBuilder {
  private final SourceBuffer source;
  private final CharStream chars;
  final Map<String, Attribute> attributeAliases = new HashMap<>();
  final Map<String, Type> typeAliases = new HashMap<>();
  private final ShapedTypeBuilder shapedTypes = new ShapedTypeBuilder(this);
  private final AffineMapBuilder affineMaps = new AffineMapBuilder(this);

  AttributeBuilder(SourceBuffer source, CharStream chars) {
    this.source = source;
    this.chars = chars;
  }

  // ---- errors and locations

  Location locationOf(Token t) {
    return new FileLineColLoc(source.name(), t.getLine() + source.firstLine() - 1, t.getCharPositionInLine() + 1);
  }

  /** Set by the first error; parse listeners then ignore the events ANTLR sends while unwinding. */
  boolean failed;

  ParseException error(Token t, String message) {
    return fail(Diagnostic.error(locationOf(t), message));
  }

  /** An error {@code offset} characters into token {@code t} (which does not span lines). */
  ParseException error(Token t, int offset, String message) {
    return fail(Diagnostic.error(new FileLineColLoc(source.name(), t.getLine() + source.firstLine() - 1,
        t.getCharPositionInLine() + 1 + offset), message));
  }

  ParseException fail(Diagnostic d) {
    failed = true;
    return new ParseException(d);
  }

  // ---- strings

  /** Decodes an MLIR string literal: {@code \\}, {@code \"}, {@code \n}, {@code \t}, {@code \XX}. */
  String unquote(Token t) {
    String s = t.getText();
    int start = s.charAt(0) == '@' ? 2 : 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = start; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        if (c < 0x80) {
          out.write(c);
          continue;
        }
        // A character outside the BMP is two chars of the String: encode the pair, not each half.
        int cp = s.codePointAt(i);
        out.writeBytes(Character.toString(cp).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp) - 1;
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case '\\', '"' -> out.write(n);
        case 'n' -> out.write('\n');
        case 't' -> out.write('\t');
        default -> {
          if (i + 1 < s.length() - 1 && isHex(n) && isHex(s.charAt(i + 1))) {
            out.write(Integer.parseInt(s.substring(i, i + 2), 16));
            i++;
          } else {
            throw error(t, "unknown escape in string literal");
          }
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) { return Character.digit(c, 16) >= 0; }

  String symbolName(Token t) {
    String s = t.getText();
    return s.charAt(1) == '"' ? unquote(t) : s.substring(1);
  }

  // ---- types

  Type type(TypeContext ctx) {
    if (ctx.functionType() != null) return functionType(ctx.functionType());
    return nonFunctionType(ctx.nonFunctionType());
  }

  List<Type> types(TypeListContext ctx) {
    List<Type> list = new ArrayList<>();
    if (ctx != null) for (TypeContext t : ctx.type()) list.add(type(t));
    return list;
  }

  FunctionType functionType(FunctionTypeContext ctx) {
    List<Type> inputs = types(ctx.typeList());
    FunctionResultsContext r = ctx.functionResults();
    List<Type> results = r.nonFunctionType() != null ? List.of(nonFunctionType(r.nonFunctionType())) : types(r.typeList());
    return new FunctionType(inputs, results);
  }

  Type nonFunctionType(NonFunctionTypeContext ctx) {
    return switch (ctx) {
      case IntegerTypeContext c -> integerType(c.INT_TYPE().getSymbol());
      case FloatTypeContext c -> FloatType.forKeyword(c.getText());
      case IndexTypeContext c -> IndexType.INSTANCE;
      case NoneTypeContext c -> NoneType.INSTANCE;
      case ComplexTypeContext c -> new ComplexType(type(c.type()));
      case TupleTypeContext c -> new TupleType(types(c.typeList()));
      case TensorTypeContext c -> shapedTypes.build("tensor", c.shapedBody(), c.start);
      case MemrefTypeContext c -> shapedTypes.build("memref", c.shapedBody(), c.start);
      case VectorTypeContext c -> shapedTypes.build("vector", c.shapedBody(), c.start);
      case BangTypeContext c -> bangType(c);
      default -> throw error(ctx.start, "expected type");
    };
  }

  private Type integerType(Token t) {
    String s = t.getText();
    IntegerType.Signedness sign = switch (s.charAt(0)) {
      case 's' -> IntegerType.Signedness.SIGNED;
      case 'u' -> IntegerType.Signedness.UNSIGNED;
      default -> IntegerType.Signedness.SIGNLESS;
    };
    String digits = s.substring(s.indexOf('i') + 1);
    if (digits.length() > 8 || Integer.parseInt(digits) > 16777215) throw error(t, "invalid integer width");
    return new IntegerType(Integer.parseInt(digits), sign);
  }

  private Type bangType(BangTypeContext c) {
    String name = c.BANG_ID().getText().substring(1);
    if (!name.contains(".")) {
      if (c.dialectBody() != null) throw error(c.start, "unexpected '<' after type alias '!" + name + "'");
      Type t = typeAliases.get(name);
      if (t == null) throw error(c.start, "undefined symbol alias id '" + name + "'");
      return t;
    }
    return new OpaqueType(name, c.dialectBody() == null ? "" : text(c.dialectBody()));
  }

  private String text(ParserRuleContext ctx) {
    return chars.getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
  }

  // ---- attributes

  DictionaryAttr dictionary(AttributeDictContext ctx) {
    List<NamedAttribute> list = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (AttributeEntryContext e : ctx.attributeEntry()) {
      String name = e.STRING() != null ? unquote(e.STRING().getSymbol()) : e.bareId().getText();
      if (name.isEmpty()) throw error(e.start, "expected valid attribute name");
      if (!seen.add(name)) throw error(e.start, "duplicate key '" + name + "' in dictionary attribute");
      list.add(new NamedAttribute(name, e.attribute() == null ? UnitAttr.INSTANCE : attribute(e.attribute())));
    }
    return new DictionaryAttr(list);
  }

  Attribute attribute(AttributeContext ctx) {
    return switch (ctx) {
      case HashAttrContext c -> hashAttr(c);
      case BoolAttrContext c -> IntegerAttr.of(c.getText().equals("true"));
      case UnitAttrContext c -> UnitAttr.INSTANCE;
      case IntAttrContext c -> intAttr(c);
      case FloatAttrContext c -> floatAttr(c);
      case StringAttrContext c -> {
        if (c.type() != null) throw error(c.type().start, "typed string attributes are not supported");
        yield new StringAttr(unquote(c.STRING().getSymbol()));
      }
      case ArrayAttrContext c -> {
        List<Attribute> list = new ArrayList<>();
        for (AttributeContext a : c.attribute()) list.add(attribute(a));
        yield new ArrayAttr(list);
      }
      case DictAttrContext c -> dictionary(c.attributeDict());
      case DenseAttrContext c -> denseAttr(c);
      case DenseArrayAttrContext c -> denseArray(c);
      case AffineMapAttrContext c -> new AffineMapAttr(affineMaps.build(c.affineMap()));
      case StridedAttrContext c -> strided(c);
      case SymbolRefAttrContext c -> {
        List<String> nested = new ArrayList<>();
        for (int i = 1; i < c.SYMBOL_REF().size(); i++) nested.add(symbolName(c.SYMBOL_REF(i).getSymbol()));
        yield new SymbolRefAttr(symbolName(c.SYMBOL_REF(0).getSymbol()), nested);
      }
      case LocationAttrContext c -> location(c.location());
      case TypeAttrContext c -> new TypeAttr(type(c.type()));
      default -> throw error(ctx.start, "expected attribute value");
    };
  }

  private Attribute hashAttr(HashAttrContext c) {
    String name = c.HASH_ID().getText().substring(1);
    if (!name.contains(".")) {
      if (c.dialectBody() != null) throw error(c.start, "unexpected '<' after attribute alias '#" + name + "'");
      Attribute a = attributeAliases.get(name);
      if (a == null) throw error(c.start, "undefined symbol alias id '" + name + "'");
      return a;
    }
    return new OpaqueAttr(name, c.dialectBody() == null ? "" : text(c.dialectBody()));
  }

  private Attribute intAttr(IntAttrContext c) {
    Token num = c.INT() != null ? c.INT().getSymbol() : c.HEX_INT().getSymbol();
    boolean negative = c.getChild(0).getText().equals("-");
    Type type = c.type() == null ? IntegerType.I64 : type(c.type());
    if (type instanceof FloatType ft) {
      if (c.HEX_INT() == null) {
        throw fail(Diagnostic.error(locationOf(num), "unexpected decimal integer literal for a floating point value")
            .note(locationOf(num), "add a trailing dot to make the literal a float"));
      }
      if (negative) throw error(num, "hexadecimal float literal should not have a leading minus");
      return new FloatAttr(ft, FloatFormat.fromBits(ft, hexBits(num, ft.width())));
    }
    if (!(type instanceof IntegerType) && !(type instanceof IndexType)) {
      throw error(c.type().start, "integer literal not valid for specified type");
    }
    return new IntegerAttr(type, integerValue(num, negative, type));
  }

  private long hexBits(Token t, int width) {
    BigInteger v = new BigInteger(t.getText().substring(2), 16);
    if (v.bitLength() > width) throw error(t, "hexadecimal float constant out of range for type");
    return v.longValue();
  }

  /** Parses an integer literal and checks that it fits the type. */
  long integerValue(Token t, boolean negative, Type type) {
    String s = t.getText();
    BigInteger v = s.startsWith("0x") ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
    if (negative) v = v.negate();
    int width = type instanceof IntegerType it ? it.width() : 64;
    boolean unsigned = type instanceof IntegerType it && it.signedness() == IntegerType.Signedness.UNSIGNED;
    if (negative && unsigned) throw error(t, "negative integer literal not valid for unsigned integer type");
    BigInteger limit = BigInteger.ONE.shiftLeft(width);
    if (v.signum() >= 0 ? v.compareTo(limit) >= 0 : v.negate().compareTo(limit.shiftRight(1)) > 0) {
      throw error(t, "integer constant out of range for attribute");
    }
    if (width > 64) throw error(t, "integer attributes wider than 64 bits are not supported");
    return v.longValue();
  }

  private Attribute floatAttr(FloatAttrContext c) {
    Type type = c.type() == null ? FloatType.F64 : type(c.type());
    if (!(type instanceof FloatType ft)) throw error(c.FLOAT_LIT().getSymbol(), "floating point value not valid for specified type");
    double v = Double.parseDouble(c.FLOAT_LIT().getText());
    return new FloatAttr(ft, c.getChild(0).getText().equals("-") ? -v : v);
  }

  private Attribute denseArray(DenseArrayAttrContext c) {
    Type element = type(c.type());
    List<ArrayElementContext> elems = c.arrayElement();
    if (element instanceof IntegerType it && it.width() <= 64 && (it.width() == 1 || it.width() % 8 == 0)) {
      long[] values = new long[elems.size()];
      for (int i = 0; i < values.length; i++) values[i] = scalarLong(elems.get(i).scalarLiteral(), it);
      return DenseArrayAttr.ofLongs(it, values);
    }
    if (element instanceof FloatType ft && (ft.width() == 32 || ft.width() == 64)) {
      double[] values = new double[elems.size()];
      for (int i = 0; i < values.length; i++) values[i] = scalarDouble(elems.get(i).scalarLiteral(), ft);
      return DenseArrayAttr.ofDoubles(ft, values);
    }
    throw error(c.type().start, "expected integer or float type for dense array, got '" + element + "'");
  }

  private long scalarLong(ScalarLiteralContext s, Type type) {
    if (s.FLOAT_LIT() != null) throw error(s.start, "expected integer elements, but parsed floating-point");
    boolean isBool = type instanceof IntegerType it && it.width() == 1;
    if (s.INT() == null && s.HEX_INT() == null) {
      if (!isBool) throw error(s.start, "expected integer elements, but parsed boolean");
      return s.getText().equals("true") ? 1 : 0;
    }
    Token t = s.INT() != null ? s.INT().getSymbol() : s.HEX_INT().getSymbol();
    return integerValue(t, s.getChild(0).getText().equals("-"), type);
  }

  private double scalarDouble(ScalarLiteralContext s, FloatType type) {
    if (s.FLOAT_LIT() != null) {
      double v = Double.parseDouble(s.FLOAT_LIT().getText());
      return s.getChild(0).getText().equals("-") ? -v : v;
    }
    if (s.HEX_INT() != null) return FloatFormat.fromBits(type, hexBits(s.HEX_INT().getSymbol(), type.width()));
    if (s.INT() != null) throw error(s.start, "expected floating-point elements, but parsed integer");
    throw error(s.start, "expected floating-point elements, but parsed boolean");
  }

  private Attribute denseAttr(DenseAttrContext c) {
    Type type = type(c.type());
    Token at = c.start;
    if (!(type instanceof ShapedType st) || type instanceof MemRefType || type instanceof UnrankedMemRefType) {
      throw error(c.type().start, "elements literal must be a shaped type");
    }
    if (!st.hasStaticShape()) throw error(c.type().start, "elements literal type must have static shape");
    if (DenseElementsAttr.elementBytes(st.element()) < 0) {
      throw error(c.type().start, "dense elements of type '" + st.element() + "' are not supported");
    }
    DenseBodyContext body = c.denseBody();
    if (body == null) {
      if (st.numElements() != 0) throw error(at, "expected " + st.numElements() + " elements, but parsed none");
      return DenseElementsAttr.fromRaw(type, new byte[0]);
    }
    if (body.STRING() != null) {
      String s = body.STRING().getText();
      if (!s.startsWith("\"0x")) throw error(body.start, "expected string containing hex digits starting with `0x`");
      byte[] payload;
      try {
        payload = HexFormat.of().parseHex(s, 3, s.length() - 1);
      } catch (IllegalArgumentException e) {
        throw error(body.start, "expected string containing hex digits starting with `0x`");
      }
      try {
        return DenseElementsAttr.fromHex(type, payload);
      } catch (IllegalArgumentException e) {
        throw error(body.start, "elements hex data size is invalid for provided type");
      }
    }
    List<ScalarLiteralContext> scalars = new ArrayList<>();
    List<Long> shape = new ArrayList<>();
    DenseLiteralContext lit = body.denseLiteral();
    boolean splat = lit.scalarLiteral() != null;
    if (!splat) literalShape(lit, 0, shape, scalars);
    else scalars.add(lit.scalarLiteral());
    if (!splat) {
      long[] expected = st.shape();
      boolean match = expected.length == shape.size();
      for (int i = 0; match && i < expected.length; i++) match = expected[i] == shape.get(i);
      if (!match) {
        throw error(at, "inferred shape of elements literal (" + shape + ") does not match type ("
            + java.util.Arrays.toString(expected) + ")");
      }
    }
    Type e = st.element();
    if (splat) {
      if (st.numElements() == 0) throw error(at, "expected 0 elements, but parsed a splat value");
      RankedTensorType one = new RankedTensorType(new long[] {1}, e);
      ScalarLiteralContext s = scalars.getFirst();
      DenseElementsAttr single = e instanceof FloatType ft
          ? DenseElementsAttr.ofDoubles(one, new double[] {scalarDouble(s, ft)})
          : DenseElementsAttr.ofLongs(one, new long[] {scalarLong(s, e)});
      return DenseElementsAttr.fromRaw(type, single.rawData().clone());
    }
    int n = scalars.size();
    if (e instanceof FloatType ft) {
      double[] v = new double[n];
      for (int i = 0; i < n; i++) v[i] = scalarDouble(scalars.get(i), ft);
      return DenseElementsAttr.ofDoubles(type, v);
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) v[i] = scalarLong(scalars.get(i), e);
    return DenseElementsAttr.ofLongs(type, v);
  }

  /** Collects scalars in order and checks that nested lists are rectangular. */
  private void literalShape(DenseLiteralContext lit, int depth, List<Long> shape, List<ScalarLiteralContext> out) {
    if (lit.scalarLiteral() != null) {
      if (depth != shape.size()) throw error(lit.start, "tensor literal is invalid; ranks are not consistent between elements");
      out.add(lit.scalarLiteral());
      return;
    }
    long size = lit.denseLiteral().size();
    if (depth == shape.size()) {
      if (!out.isEmpty()) throw error(lit.start, "tensor literal is invalid; ranks are not consistent between elements");
      shape.add(size);
    } else if (depth > shape.size() || shape.get(depth) != size) {
      throw error(lit.start, "tensor literal is invalid; ranks are not consistent between elements");
    }
    for (DenseLiteralContext child : lit.denseLiteral()) literalShape(child, depth + 1, shape, out);
  }

  private Attribute strided(StridedAttrContext c) {
    List<StrideValueContext> values = c.strideValue();
    boolean hasOffset = c.getText().contains("offset");
    int count = hasOffset ? values.size() - 1 : values.size();
    long[] strides = new long[count];
    for (int i = 0; i < count; i++) strides[i] = strideValue(values.get(i));
    return new StridedLayoutAttr(hasOffset ? strideValue(values.getLast()) : 0, strides);
  }

  private long strideValue(StrideValueContext v) {
    if (v.INT() == null) return ShapedType.DYNAMIC;
    return integerValue(v.INT().getSymbol(), v.getChild(0).getText().equals("-"), IntegerType.I64);
  }

  // ---- locations

  Location location(LocationContext ctx) {
    return switch (ctx) {
      case UnknownLocContext c -> Location.UNKNOWN;
      case FileLineColLocContext c -> new FileLineColLoc(unquote(c.STRING().getSymbol()),
          (int) integerValue(c.INT(0).getSymbol(), false, IntegerType.I32),
          (int) integerValue(c.INT(1).getSymbol(), false, IntegerType.I32));
      case NameLocContext c -> new NameLoc(unquote(c.STRING().getSymbol()),
          c.location() == null ? Location.UNKNOWN : location(c.location()));
      case CallSiteLocContext c -> new CallSiteLoc(location(c.location(0)), location(c.location(1)));
      case FusedLocContext c -> {
        List<Location> list = new ArrayList<>();
        for (LocationContext l : c.location()) list.add(location(l));
        yield new FusedLoc(list, c.attribute() == null ? null : attribute(c.attribute()));
      }
      case LocAliasContext c -> {
        String name = c.HASH_ID().getText().substring(1);
        Attribute a = attributeAliases.get(name);
        if (a == null) throw error(c.start, "undefined symbol alias id '" + name + "'");
        if (!(a instanceof Location l)) throw error(c.start, "expected location, but found '" + a + "'");
        yield l;
      }
      default -> throw error(ctx.start, "expected location instance");
    };
  }
}
