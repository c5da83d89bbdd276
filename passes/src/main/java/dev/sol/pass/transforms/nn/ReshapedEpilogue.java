package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.AddOp;
import dev.sol.dialect.nn.ConvOp;
import dev.sol.dialect.nn.ReshapeOp;
import dev.sol.ir.*;
import java.util.ArrayList;
import java.util.List;

/**
 * What nn-conv1d-as-2d and nn-conv3d-as-2d share: the ops that nn-fuse takes into a
 * convolution's epilogue ({@link NnFusePass#isEpilogue}) moved from the old result onto the
 * rewritten convolution's, so that the group still forms; and nn ops built with a given result
 * shape.
 */
final class ReshapedEpilogue {
  private ReshapedEpilogue() {}

  /** The last op of the moved chain (the old convolution when none moved) and its new value. */
  record Moved(Operation last, Value value) {}

  /**
   * Moves the epilogue chain after {@code conv} onto {@code result}: each op recreated on the new
   * shape, a residual add's other operand reshaped to it (adds stop the chain unless
   * {@code residuals}); then {@code conv} and the old chain are erased once {@code back} has
   * given the value that replaces the chain's last result (built after the chain's last op).
   */
  static void move(ConvOp conv, Value result, Builder b, boolean residuals, java.util.function.BiFunction<Builder, Moved, Value> back) {
    List<Operation> chain = new ArrayList<>(List.of(conv));
    Operation last = conv;
    Value current = result;
    while (last.result(0).hasOneUse()) {
      Value input = last.result(0);
      Operation user = input.users().getFirst();
      boolean add = user instanceof AddOp;
      if (user.parentOp() != conv.parentOp() || !NnFusePass.isEpilogue(user, input) || add && !residuals || !add && user.operand(0) != input) break;
      b.before(user);
      List<Value> operands = new ArrayList<>();
      for (Value v : user.operands()) operands.add(v == input ? current : add ? reshape(b, user.location(), v, shape(current)) : v);
      current = recreate(b, user, operands, new RankedTensorType(shape(current), ((RankedTensorType) user.result(0).type()).element()));
      chain.add(user);
      last = user;
    }
    b.after(last);
    last.result(0).replaceAllUsesWith(back.apply(b, new Moved(last, current)));
    for (Operation op : chain.reversed()) op.erase();
  }

  static long[] shape(Value v) { return ((RankedTensorType) v.type()).shape(); }

  /** {@code op} made again with {@code operands} and one result of type {@code result}, its attributes kept; returns the result. */
  static Value recreate(Builder b, Operation op, List<Value> operands, Type result) {
    OperationState s = new OperationState(op.name(), op.location()).operands(operands).results(result);
    for (NamedAttribute a : op.attributes().entries()) s.attribute(a.name(), a.value());
    return b.create(s).result(0);
  }

  static Value reshape(Builder b, Location loc, Value v, long[] shape) {
    return create(b, ReshapeOp.SPEC.name(), loc, List.of(v), shape, v, "shape", DenseArrayAttr.i64(shape));
  }

  /** An nn op {@code name} of {@code operands} with a result of {@code shape} and {@code like}'s element type, and the given attributes (name, value pairs). */
  static Value create(Builder b, String name, Location loc, List<Value> operands, long[] shape, Value like, Object... attributes) {
    OperationState s = new OperationState(name, loc).operands(operands)
        .results(new RankedTensorType(shape, ((RankedTensorType) like.type()).element()));
    for (int i = 0; i < attributes.length; i += 2) s.attribute((String) attributes[i], (Attribute) attributes[i + 1]);
    return b.create(s).result(0);
  }
}
