package dev.sol.pass.transforms.nn;

import dev.sol.dialect.nn.ConstantOp;
import dev.sol.dialect.nn.NnOp;
import dev.sol.dialect.nn.ShapeError;
import dev.sol.dialect.nn.Tensor;
import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassState;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates nn operations whose operands are all nn.constant and replaces them by the
 * resulting constants (in place), then erases constants nothing uses. Ops beyond
 * {@link NnOp#MAX_FOLD_ELEMENTS} (a broadcast of a constant to 2^30 elements) stay unfolded.
 */
@PassInfo(name = "nn-fold-constants", summary = "Fold nn operations on constant operands into nn.constant")
public final class NnFoldConstantsPass implements Pass<NoOptions> {
  @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

  @Override public boolean run(Operation root, NoOptions options, PassState state) {
    List<Operation> ops = new ArrayList<>();
    root.walk(ops::add);
    int folded = 0;
    Builder b = new Builder(state.context());
    for (Operation op : ops) {
      if (!(op instanceof NnOp nn) || op instanceof ConstantOp || op.parentBlock() == null || !nn.withinFoldLimit()) continue;
      List<Tensor> inputs = new ArrayList<>();
      for (Value v : op.operands()) {
        if (!(v.definingOp() instanceof ConstantOp c)) {
          inputs = null;
          break;
        }
        inputs.add(Tensor.fromAttribute(c.value()));
      }
      if (inputs == null || inputs.isEmpty()) continue;
      List<Tensor> out;
      try {
        out = nn.evaluate(inputs);
      } catch (ShapeError | IllegalArgumentException | ArithmeticException e) {
        // Values the op refuses (a gather index out of range): it stays, to fail where it runs.
        continue;
      }
      b.before(op);
      for (int i = 0; i < out.size(); i++) {
        op.result(i).replaceAllUsesWith(ConstantOp.create(b, op.location(), out.get(i).toAttribute()).result(0));
      }
      op.erase();
      folded++;
    }
    List<Operation> constants = new ArrayList<>();
    root.walk(o -> {
      if (o instanceof ConstantOp) constants.add(o);
    });
    for (Operation c : constants) if (c.result(0).hasNoUses()) c.erase();
    state.statistic("num-folded", "nn operations folded into constants").add(folded);
    return true;
  }
}
