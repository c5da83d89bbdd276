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
 * deeper input would overflow the stack. And a bug in the builder becomes a located
 * {@link ParseException} at once, so the events ANTLR sends while unwinding are ignored
 * instead of failing again and hiding it.
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

  GuardedListener(MlirListener builder, AttributeBuilder attrs) {
    this.builder = builder;
    this.attrs = attrs;
  }

  @Override public void enterEveryRule(ParserRuleContext ctx) {
    if (attrs.failed) return;
    if (++ruleDepth > MAX_RULE_DEPTH) {
      throw attrs.error(ctx.start, "attributes or types are nested too deeply (SOL's parser allows " + MAX_RULE_DEPTH + " nested grammar rules)");
    }
    if (ctx instanceof MlirParser.RegionContext && ++regionDepth > MAX_REGION_DEPTH) {
      throw attrs.error(ctx.start, "regions are nested more than " + MAX_REGION_DEPTH + " levels deep");
    }
    forward(ctx, ctx.start, true);
  }

  @Override public void exitEveryRule(ParserRuleContext ctx) {
    if (attrs.failed) return;
    ruleDepth--;
    if (ctx instanceof MlirParser.RegionContext) regionDepth--;
    forward(ctx, ctx.stop != null ? ctx.stop : ctx.start, false);
  }

  private void forward(ParserRuleContext ctx, Token at, boolean enter) {
    try {
      if (enter) ctx.enterRule(builder);
      else ctx.exitRule(builder);
    } catch (ParseException e) {
      throw e;
    } catch (RuntimeException e) {
      if (System.getenv("SOL_DEBUG") != null) e.printStackTrace();
      throw attrs.fail(Diagnostic.error(attrs.locationOf(at), "internal error while parsing: " + e));
    }
  }

  @Override public void visitTerminal(TerminalNode node) {}

  @Override public void visitErrorNode(ErrorNode node) {}
}
