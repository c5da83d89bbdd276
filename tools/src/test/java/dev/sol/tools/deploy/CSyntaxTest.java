package dev.sol.tools.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CSyntaxTest {
  @Test void identifiers() {
    assertNull(CSyntax.identifierProblem("MyNetwork"));
    assertNull(CSyntax.identifierProblem("_predict2"));
    assertEquals("it is empty", CSyntax.identifierProblem(""));
    assertEquals("it is a C or C++ keyword", CSyntax.identifierProblem("int"));
    assertEquals("it is a C or C++ keyword", CSyntax.identifierProblem("namespace"));
    assertEquals("a C identifier has only letters, digits and '_' and does not start with a digit", CSyntax.identifierProblem("2net"));
    assertEquals("a C identifier has only letters, digits and '_' and does not start with a digit", CSyntax.identifierProblem("netä"));
  }

  @Test void stringLiteralsEscapeQuotesTrigraphsAndNonAscii() {
    assertEquals("\"prob\"", CSyntax.literal("prob"));
    assertEquals("\"a\\\"b\\\\c\\?\\?=\"", CSyntax.literal("a\"b\\c??="));
    assertEquals("\"\\303\\244\\012\"", CSyntax.literal("ä\n"));
  }

  @Test void commentTextCannotEndTheComment() {
    assertEquals("a * / b / * c d", CSyntax.commentText("a */ b /* c\nd"));
  }
}
