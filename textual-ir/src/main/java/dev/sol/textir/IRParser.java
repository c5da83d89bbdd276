package dev.sol.textir;

import dev.sol.ir.*;
import dev.sol.ir.traits.IsTerminator;
import dev.sol.textir.MlirParser.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Parses MLIR's generic operation form into IR. The IR is built while ANTLR parses
 * (a parse listener), and each operation's subtree is dropped once built, so memory
 * stays proportional to the IR rather than to the parse tree of the whole file.
 */
public final class IRParser extends MlirBaseListener {
  private static final String UNREGISTERED_DIALECT = "operation being parsed with an unregistered dialect. "
      + "If this is intended, please use -allow-unregistered-dialect with the MLIR tool used";

  private final IRContext context;
  private final SourceBuffer source;
  private final AttributeBuilder attrs;
  private final Deque<RegionFrame> frames = new ArrayDeque<>();
  private final Deque<NameScope> scopes = new ArrayDeque<>();
  private final Deque<List<Region>> pendingRegions = new ArrayDeque<>();
  private final List<Operation> topLevel = new ArrayList<>();
  private final List<LocationFixup> fixups = new ArrayList<>();

  private record LocationFixup(String alias, Token token, Consumer<Location> apply) {}

  private static final class BlockDef {
    final Block block = new Block();
    Token firstReference;
    boolean defined;
  }

  private static final class RegionFrame {
    final Region region = new Region();
    final Map<String, BlockDef> blocks = new HashMap<>();
    Block current;
  }

  private static final class ValueDef {
    Value[] values;
    Location definedAt;
    final Map<Integer, Operation> forward = new LinkedHashMap<>();
    Token firstUse;
  }

  /** The SSA names visible at the current point, and those each open region defined. */
  private static final class NameScope {
    final Map<String, ValueDef> values = new HashMap<>();
    final Deque<List<String>> definedPerRegion = new ArrayDeque<>();
  }

  private IRParser(IRContext context, SourceBuffer source, CharStream chars) {
    this.context = context;
    this.source = source;
    this.attrs = new AttributeBuilder(source, chars);
  }

  /**
   * Parses a whole buffer. Returns the top-level {@code builtin.module}; operations at top
   * level other than a single module are wrapped in an implicit one, as mlir-opt does.
   *
   * @throws ParseException at the first syntax or semantic error
   */
  public static Operation parse(IRContext context, SourceBuffer source) {
    StringCharStream chars = new StringCharStream(source.text(), source.name());
    MlirLexer lexer = new BlobLexer(chars);
    lexer.removeErrorListeners();
    MlirParser parser = new MlirParser(new UnbufferedTokenStream<>(lexer));
    parser.removeErrorListeners();
    IRParser builder = new IRParser(context, source, chars);
    parser.setErrorHandler(new FailFastErrorStrategy(builder.attrs));
    GuardedListener guard = new GuardedListener(builder, builder.attrs);
    parser.addParseListener(guard);
    NameScope top = new NameScope();
    top.definedPerRegion.push(new ArrayList<>());
    builder.scopes.push(top);
    try {
      parser.topLevel();
      if (guard.pending() != null) throw guard.pending();
    } catch (ParseException e) {
      throw guard.pending() != null ? guard.pending() : e;
    } catch (RuntimeException e) {
      throw builder.attrs.fail(Diagnostic.error(builder.attrs.locationOf(parser.getCurrentToken()), "internal error while parsing: " + e));
    } catch (StackOverflowError e) {
      throw builder.attrs.fail(Diagnostic.error(builder.attrs.locationOf(parser.getCurrentToken()),
          "the input nests too deeply for the stack; give the JVM a larger one (-Xss)"));
    }
    builder.checkForwardReferences(top);
    builder.resolveLocationAliases();
    return builder.wrapTopLevel();
  }

  private Operation wrapTopLevel() {
    if (topLevel.size() == 1 && topLevel.getFirst().name().equals("builtin.module")) return topLevel.getFirst();
    OperationState state = new OperationState("builtin.module", new FileLineColLoc(source.name(), 0, 0));
    Block body = state.addRegion().addBlock();
    for (Operation op : topLevel) body.append(op);
    return Operation.create(context, state);
  }

  private void resolveLocationAliases() {
    for (LocationFixup f : fixups) {
      Attribute a = attrs.attributeAliases.get(f.alias);
      if (a == null) throw attrs.error(f.token, "operation location alias was never defined");
      if (!(a instanceof Location l)) throw attrs.error(f.token, "expected location, but found '" + a + "'");
      f.apply.accept(l);
    }
  }

  // ---- aliases

  @Override public void exitAttributeAliasDef(AttributeAliasDefContext ctx) {
    if (attrs.failed) return;
    String name = ctx.HASH_ID().getText().substring(1);
    if (name.contains(".")) throw attrs.error(ctx.start, "attribute names with a '.' are reserved for dialect-defined names");
    if (attrs.attributeAliases.containsKey(name)) throw attrs.error(ctx.start, "redefinition of attribute alias id '" + name + "'");
    attrs.attributeAliases.put(name, attrs.attribute(ctx.attribute()));
  }

  @Override public void exitTypeAliasDef(TypeAliasDefContext ctx) {
    if (attrs.failed) return;
    String name = ctx.BANG_ID().getText().substring(1);
    if (name.contains(".")) throw attrs.error(ctx.start, "type names with a '.' are reserved for dialect-defined names");
    if (attrs.typeAliases.containsKey(name)) throw attrs.error(ctx.start, "redefinition of type alias id '" + name + "'");
    attrs.typeAliases.put(name, attrs.type(ctx.type()));
  }

  // ---- regions and blocks

  @Override public void enterOperation(OperationContext ctx) {
    if (attrs.failed) return;
    pendingRegions.push(new ArrayList<>());
  }

  @Override public void enterRegionList(RegionListContext ctx) {
    if (attrs.failed) return;
    checkOperationName((OperationContext) ctx.getParent());
  }

  @Override public void enterRegion(RegionContext ctx) {
    if (attrs.failed) return;
    // As in MLIR's generic form, regions see all enclosing names (isolation is the
    // verifier's business), and names defined inside a region are dropped at its end.
    scopes.peek().definedPerRegion.push(new ArrayList<>());
    frames.push(new RegionFrame());
  }

  @Override public void exitRegion(RegionContext ctx) {
    if (attrs.failed) return;
    RegionFrame frame = frames.pop();
    for (Map.Entry<String, BlockDef> e : frame.blocks.entrySet()) {
      if (!e.getValue().defined) throw attrs.error(e.getValue().firstReference, "reference to an undefined block");
    }
    NameScope scope = scopes.peek();
    for (String name : scope.definedPerRegion.pop()) scope.values.remove(name);
    pendingRegions.peek().add(frame.region);
  }

  private void checkForwardReferences(NameScope scope) {
    Token first = null;
    for (ValueDef d : scope.values.values()) {
      if (d.values == null && (first == null || d.firstUse.getTokenIndex() < first.getTokenIndex())) first = d.firstUse;
    }
    if (first != null) throw attrs.error(first, "use of undeclared SSA value name");
  }

  @Override public void exitBlockLabel(BlockLabelContext ctx) {
    if (attrs.failed) return;
    RegionFrame frame = frames.peek();
    Token label = ctx.CARET_ID().getSymbol();
    BlockDef def = frame.blocks.computeIfAbsent(label.getText(), k -> new BlockDef());
    if (def.defined) throw attrs.error(label, "redefinition of block '" + label.getText() + "'");
    def.defined = true;
    frame.region.append(def.block);
    frame.current = def.block;
    for (BlockArgContext arg : ctx.blockArg()) {
      Token name = arg.VALUE_ID().getSymbol();
      if (name.getText().contains("#")) throw attrs.error(name, "invalid block argument name");
      Type type = attrs.type(arg.type());
      BlockArgument a = def.block.addArgument(type, attrs.locationOf(name));
      if (arg.trailingLocation() != null) applyLocation(arg.trailingLocation(), a::setLocation);
      define(name, new Value[] {a});
    }
  }

  // ---- operations

  private String checkOperationName(OperationContext ctx) {
    String name = attrs.unquote(ctx.opName);
    if (name.isEmpty()) throw attrs.error(ctx.opName, "empty operation name is invalid");
    if (context.lookupOp(name) == null && !context.allowsUnregisteredDialects()) {
      int dot = name.indexOf('.');
      if (dot < 0 || context.dialect(name.substring(0, dot)) == null) throw attrs.error(ctx.opName, UNREGISTERED_DIALECT);
    }
    return name;
  }

  @Override public void exitOperation(OperationContext ctx) {
    if (attrs.failed) return;
    String name = checkOperationName(ctx);
    List<Region> regions = pendingRegions.pop();
    FunctionType signature = attrs.functionType(ctx.functionType());
    OperationState state = new OperationState(name, attrs.locationOf(ctx.opName));

    // As MLIR's parser, before anything after the successor list: only terminators may have successors.
    OpSpec spec = context.lookupOp(name);
    if (ctx.successorList() != null && spec != null && !spec.hasTrait(IsTerminator.class)) {
      throw attrs.error(ctx.successorList().start, "successors in non-terminator");
    }
    List<TerminalNode> uses = ctx.valueUseList() == null ? List.of() : ctx.valueUseList().VALUE_ID();
    if (uses.size() != signature.inputs().size()) {
      throw attrs.error(ctx.functionType().start, "expected " + uses.size() + " operand type"
          + (uses.size() == 1 ? "" : "s") + " but had " + signature.inputs().size());
    }
    for (int i = 0; i < uses.size(); i++) state.operands.add(resolve(uses.get(i).getSymbol(), signature.inputs().get(i)));
    state.resultTypes.addAll(signature.results());

    if (ctx.successorList() != null) {
      if (frames.isEmpty()) throw attrs.error(ctx.successorList().start, "successors are not allowed at the top level");
      for (TerminalNode s : ctx.successorList().CARET_ID()) {
        BlockDef def = frames.peek().blocks.computeIfAbsent(s.getText(), k -> new BlockDef());
        if (def.firstReference == null) def.firstReference = s.getSymbol();
        state.successors.add(def.block);
      }
    }
    DictionaryAttr attributes = DictionaryAttr.EMPTY;
    if (ctx.properties() != null) attributes = attrs.dictionary(ctx.properties().attributeDict());
    if (ctx.attributeDict() != null) {
      for (NamedAttribute a : attrs.dictionary(ctx.attributeDict()).entries()) {
        if (attributes.get(a.name()) != null) throw attrs.error(ctx.attributeDict().start, "duplicate key '" + a.name() + "'");
        attributes = attributes.with(a.name(), a.value());
      }
    }
    state.attributes = attributes;
    state.regions.addAll(regions);
    Operation op = Operation.create(context, state);
    if (ctx.trailingLocation() != null) applyLocation(ctx.trailingLocation(), op::setLocation);
    defineResults(ctx, op);

    if (frames.isEmpty()) {
      topLevel.add(op);
    } else {
      RegionFrame frame = frames.peek();
      if (frame.current == null) frame.current = frame.region.addBlock();
      frame.current.append(op);
    }
    ((ParserRuleContext) ctx.getParent()).removeLastChild();
  }

  private void applyLocation(TrailingLocationContext ctx, Consumer<Location> apply) {
    if (ctx.location() instanceof LocAliasContext alias) {
      String name = alias.HASH_ID().getText().substring(1);
      if (!attrs.attributeAliases.containsKey(name)) {
        fixups.add(new LocationFixup(name, alias.start, apply));
        return;
      }
    }
    apply.accept(attrs.location(ctx.location()));
  }

  private void defineResults(OperationContext ctx, Operation op) {
    if (ctx.opResultList() == null) {
      return;
    }
    int bound = 0;
    List<Token> names = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (OpResultContext r : ctx.opResultList().opResult()) {
      Token name = r.VALUE_ID().getSymbol();
      if (name.getText().contains("#")) throw attrs.error(name, "expected valid ssa identifier");
      int count = r.INT() == null ? 1 : smallInt(r.INT().getSymbol(), 0, r.INT().getText(), "invalid result count");
      if (count < 1) throw attrs.error(r.INT().getSymbol(), "expected named operation to have at least 1 result");
      names.add(name);
      counts.add(count);
      bound += count;
    }
    // MLIR reports both at the first result name.
    if (op.numResults() == 0) throw attrs.error(names.getFirst(), "cannot name an operation with no results");
    if (bound != op.numResults()) {
      throw attrs.error(names.getFirst(), "operation defines " + op.numResults() + " results but was provided " + bound + " to bind");
    }
    int next = 0;
    for (int i = 0; i < names.size(); i++) {
      Value[] values = new Value[counts.get(i)];
      for (int j = 0; j < values.length; j++) values[j] = op.result(next++);
      define(names.get(i), values);
    }
  }

  // ---- SSA names

  /** {@code digits} as an int; else an error {@code offset} characters into {@code t} that says what and why. */
  private int smallInt(Token t, int offset, String digits, String what) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw attrs.error(t, offset, what + ": integer too large (" + digits + ")");
    }
  }

  private void define(Token nameToken, Value[] values) {
    String name = nameToken.getText();
    NameScope scope = scopes.peek();
    ValueDef def = scope.values.get(name);
    if (def != null && def.values != null) {
      throw attrs.fail(Diagnostic.error(attrs.locationOf(nameToken), "redefinition of SSA value '" + name + "'")
          .note(def.definedAt, "previously defined here"));
    }
    if (def == null) {
      def = new ValueDef();
      scope.values.put(name, def);
    }
    for (Map.Entry<Integer, Operation> f : def.forward.entrySet()) {
      int index = f.getKey();
      Value placeholder = f.getValue().result(0);
      if (index >= values.length) throw attrs.error(def.firstUse, "reference to invalid result number");
      if (!placeholder.type().equals(values[index].type())) {
        throw attrs.error(nameToken, "definition of SSA value '" + name + "#" + index + "' has type '"
            + values[index].type() + "'" + ", but was used with type '" + placeholder.type() + "'");
      }
      placeholder.replaceAllUsesWith(values[index]);
      f.getValue().erase();
    }
    def.forward.clear();
    def.values = values;
    def.definedAt = attrs.locationOf(nameToken);
    scope.definedPerRegion.peek().add(name);
  }

  private Value resolve(Token use, Type type) {
    String text = use.getText();
    int hash = text.indexOf('#');
    String name = hash < 0 ? text : text.substring(0, hash);
    int index = hash < 0 ? 0 : smallInt(use, hash, text.substring(hash + 1), "invalid SSA value result number");
    NameScope scope = scopes.peek();
    ValueDef def = scope.values.get(name);
    if (def != null && def.values != null) {
      if (index >= def.values.length) throw attrs.error(use, "reference to invalid result number");
      Value v = def.values[index];
      if (!v.type().equals(type)) {
        throw attrs.fail(Diagnostic.error(attrs.locationOf(use), "use of value '" + text
            + "' expects different type than prior uses: '" + type + "' vs '" + v.type() + "'")
            .note(def.definedAt, "prior use here"));
      }
      return v;
    }
    if (def == null) {
      def = new ValueDef();
      def.firstUse = use;
      scope.values.put(name, def);
    }
    Operation placeholder = def.forward.get(index);
    if (placeholder == null) {
      placeholder = Operation.create(context, new OperationState("builtin.forward_ref", attrs.locationOf(use)).results(type));
      def.forward.put(index, placeholder);
    } else if (!placeholder.result(0).type().equals(type)) {
      throw attrs.error(use, "use of value '" + text + "' expects different type than prior uses: '" + type + "' vs '"
          + placeholder.result(0).type() + "'");
    }
    return placeholder.result(0);
  }
}
