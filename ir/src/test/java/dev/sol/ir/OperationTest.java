package dev.sol.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationTest {
  private final IRContext ctx = new IRContext().setAllowUnregisteredDialects(true);

  private Operation op(String name, List<Value> operands, Type... results) {
    return Operation.create(ctx, new OperationState(name, Location.UNKNOWN).operands(operands).results(results));
  }

  @Test void useListsFollowOperandChanges() {
    Operation a = op("t.a", List.of(), IntegerType.I32);
    Operation b = op("t.b", List.of(), IntegerType.I32);
    Operation user = op("t.use", List.of(a.result(), a.result()));
    assertEquals(2, a.result().users().size());
    assertFalse(a.result().hasOneUse());
    user.setOperand(1, b.result());
    assertTrue(a.result().hasOneUse());
    assertTrue(b.result().hasOneUse());
    a.result().replaceAllUsesWith(b.result());
    assertTrue(a.result().hasNoUses());
    assertEquals(List.of(b.result(), b.result()), user.operands());
    user.erase();
    assertTrue(b.result().hasNoUses());
  }

  @Test void replaceUsesIfIsSelective() {
    Operation a = op("t.a", List.of(), IntegerType.I32);
    Operation b = op("t.b", List.of(), IntegerType.I32);
    Operation u1 = op("t.u1", List.of(a.result()));
    Operation u2 = op("t.u2", List.of(a.result()));
    a.result().replaceUsesIf(b.result(), use -> use.owner() == u2);
    assertSame(a.result(), u1.operand(0));
    assertSame(b.result(), u2.operand(0));
  }

  @Test void blocksKeepOrderAndParents() {
    Block block = new Block();
    Operation first = op("t.first", List.of());
    Operation last = op("t.last", List.of());
    Operation middle = op("t.middle", List.of());
    block.append(first);
    block.append(last);
    block.insertBefore(middle, last);
    assertEquals(List.of(first, middle, last), block.operations());
    assertTrue(first.isBeforeInBlock(last));
    assertTrue(middle.isBeforeInBlock(last));
    assertSame(block, middle.parentBlock());
    block.remove(middle);
    assertNull(middle.parentBlock());
    assertEquals(2, block.size());
    assertFalse(last.isBeforeInBlock(first));
  }

  @Test void walksVisitNestedOperations() {
    OperationState outer = new OperationState("t.outer", Location.UNKNOWN);
    Block body = outer.addRegion().addBlock();
    body.append(op("t.inner1", List.of()));
    body.append(op("t.inner2", List.of()));
    Operation o = Operation.create(ctx, outer);
    List<String> post = new ArrayList<>();
    o.walk(x -> post.add(x.name()));
    assertEquals(List.of("t.inner1", "t.inner2", "t.outer"), post);
    List<String> pre = new ArrayList<>();
    o.walkPreOrder(x -> pre.add(x.name()));
    assertEquals(List.of("t.outer", "t.inner1", "t.inner2"), pre);
    assertSame(o, body.front().parentOp());
  }

  @Test void verifierRejectsUnregisteredOpsUnlessAllowed() {
    IRContext strict = new IRContext();
    List<Diagnostic> seen = new ArrayList<>();
    strict.diagnostics().pushHandler(seen::add);
    Operation o = Operation.create(strict, new OperationState("foo.bar", Location.UNKNOWN));
    assertFalse(Verifier.verify(o, strict));
    assertTrue(seen.getFirst().message().contains("unregistered dialect"), seen.toString());
    assertTrue(Verifier.verify(o, ctx));
  }
}
