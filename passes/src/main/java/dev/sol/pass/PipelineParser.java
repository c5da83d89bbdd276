package dev.sol.pass;

/**
 * Parses MLIR's textual pipelines: {@code builtin.module(func.func(canonicalize,cse),inline)},
 * passes with options {@code canonicalize{max-iterations=3}}, and named pipelines.
 */
public final class PipelineParser {
  private final PassRegistry registry;
  private final String text;
  private int pos;

  private PipelineParser(PassRegistry registry, String text) {
    this.registry = registry;
    this.text = text;
  }

  /** Parses {@code anchor(elements)}. */
  public static OpPassManager parse(PassRegistry registry, String text) {
    PipelineParser p = new PipelineParser(registry, text.strip());
    p.skipSpace();
    String anchor = p.identifier();
    if (!p.eat('(')) {
      throw p.error(registry.lookup(anchor) != null || registry.lookupPipeline(anchor) != null
          ? "a pipeline must be anchored on an operation, e.g. builtin.module(" + anchor + ")"
          : "expected '(' after '" + anchor + "'");
    }
    OpPassManager pm = new OpPassManager(anchor);
    p.elements(pm);
    p.expect(')');
    p.skipSpace();
    if (p.pos != p.text.length()) throw p.error("unexpected text after the pipeline");
    return pm;
  }

  /**
   * Parses a comma-separated list of passes into {@code pm}; a pass anchored on another
   * operation is nested under that operation (the {@code -p} shorthand).
   */
  public static void parseInto(PassRegistry registry, String text, OpPassManager pm, boolean nestImplicitly) {
    PipelineParser p = new PipelineParser(registry, text.strip());
    p.implicitNesting = nestImplicitly;
    p.elements(pm);
    p.skipSpace();
    if (p.pos != p.text.length()) throw p.error("unexpected text after the pass list");
  }

  private boolean implicitNesting;

  private void elements(OpPassManager pm) {
    skipSpace();
    if (peek() == ')') return;
    do {
      skipSpace();
      String name = identifier();
      skipSpace();
      if (peek() == '(') {
        pos++;
        OpPassManager nested = pm.nest(name);
        boolean saved = implicitNesting;
        implicitNesting = false;
        elements(nested);
        implicitNesting = saved;
        expect(')');
      } else {
        String options = peek() == '{' ? braced() : "";
        addPass(pm, name, options);
      }
      skipSpace();
    } while (eat(','));
  }

  private void addPass(OpPassManager pm, String name, String options) {
    PassRegistry.NamedPipeline named = registry.lookupPipeline(name);
    if (named != null) {
      if (!options.isEmpty()) throw error("named pipeline '" + name + "' takes no options");
      parseInto(registry, named.pipeline(), pm, true);
      return;
    }
    PassRegistry.Entry entry = registry.lookup(name);
    if (entry == null) throw error("'" + name + "' does not refer to a registered pass or pass pipeline");
    Pass<?> pass = entry.factory().get();
    Record opts = OptionsParser.parse(name, pass.defaultOptions(), options);
    String anchor = entry.info().anchor();
    if (implicitNesting && !anchor.equals("any") && !anchor.equals(pm.anchor())) pm.nest(anchor).addPass(pass, opts);
    else pm.addPass(pass, opts);
  }

  private String braced() {
    int start = ++pos;
    int depth = 1;
    while (pos < text.length() && depth > 0) {
      char c = text.charAt(pos++);
      if (c == '{') depth++;
      if (c == '}') depth--;
    }
    if (depth != 0) throw error("missing '}' after the options of a pass");
    return text.substring(start, pos - 1);
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '$') pos++;
      else break;
    }
    if (start == pos) throw error(pos < text.length() ? "expected a pass or operation name, found '" + text.charAt(pos) + "'"
        : "expected a pass or operation name at the end of the pipeline");
    return text.substring(start, pos);
  }

  private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

  private boolean eat(char c) {
    skipSpace();
    if (peek() != c) return false;
    pos++;
    return true;
  }

  private void expect(char c) {
    if (!eat(c)) throw error("expected '" + c + "'" + (pos < text.length() ? ", found '" + text.charAt(pos) + "'" : " at the end"));
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private PipelineException error(String message) {
    return new PipelineException("invalid pipeline '" + text + "' at position " + pos + ": " + message);
  }
}
