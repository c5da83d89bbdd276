package dev.sol.textir;

import dev.sol.ir.Diagnostic;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Passes ANTLR's parse events on to the IR builder, with two guards. Nesting is bounded:
 * the parser, and the verifier, passes and printer after it, recurse once per level, so
 * deeper input would overflow the stack. And an exception thrown while handling an exit event
 * never replaces one in flight: ANTLR sends exit events from {@code finally} blocks, also while
 * a StackOverflowError unwinds through half-parsed rules, so an error there is kept
 * ({@link #pending()}) and thrown at the next enter event, which only a parse going on sends.
 */
final class GuardedListener implements ParseTreeListener {
  /** Regions inside regions; each level costs the parser three or four rules. */
  static final int MAX_REGION_DEPTH = 500;
  /** Rules inside rules: regions, and brackets in attributes and types. */
  static final int MAX_RULE_DEPTH = 2500;

  private final MlirListener builder;
  private final AttributeBuilder attrs;
  private int ruleDepth;
  private int regionDepth;
  private ParseException pending;

  GuardedListener(MlirListener builder, AttributeBuilder attrs) {
    this.builder = builder;
    this.attrs = attrs;
  }

  /** The first error of an exit event, or null. */
  ParseException pending() { return pending; }

  @Override public void enterEveryRule(ParserRuleContext ctx) {
    if (pending != null) throw pending;
    if (attrs.failed) return;
    if (++ruleDepth > MAX_RULE_DEPTH) {
      throw attrs.error(ctx.start, "attributes or types are nested too deeply (SOL's parser allows " + MAX_RULE_DEPTH
          + " nested grammar rules)");
    }
    if (ctx instanceof MlirParser.RegionContext && ++regionDepth > MAX_REGION_DEPTH) {
      throw attrs.error(ctx.start, "regions are nested more than " + MAX_REGION_DEPTH + " levels deep");
    }
    try {
      ctx.enterRule(builder);
    } catch (ParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw internalError(e, ctx.start);
    }
  }

  @Override public void exitEveryRule(ParserRuleContext ctx) {
    if (attrs.failed) return;
    ruleDepth--;
    if (ctx instanceof MlirParser.RegionContext) regionDepth--;
    try {
      ctx.exitRule(builder);
    } catch (ParseException e) {
      pending = e;
    } catch (RuntimeException e) {
      pending = internalError(e, ctx.stop != null ? ctx.stop : ctx.start);
    }
  }

  private ParseException internalError(RuntimeException e, Token at) {
    if (System.getenv("SOL_DEBUG") != null) e.printStackTrace();
    return attrs.fail(Diagnostic.error(attrs.locationOf(at), "internal error while parsing: " + e));
  }

  @Override public void visitTerminal(TerminalNode node) {}

  @Override public void visitErrorNode(ErrorNode node) {}
}
