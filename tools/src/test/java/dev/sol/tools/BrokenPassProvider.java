package dev.sol.tools;

import dev.sol.ir.*;
import dev.sol.pass.NoOptions;
import dev.sol.pass.Pass;
import dev.sol.pass.PassInfo;
import dev.sol.pass.PassProvider;
import dev.sol.pass.PassRegistry;
import dev.sol.pass.PassState;

/** Test-only passes: one that keeps results and one that deliberately breaks them. */
public final class BrokenPassProvider implements PassProvider {
  @PassInfo(name = "test-break-add", summary = "test: turns nn.add into nn.sub")
  public static final class BreakAdd implements Pass<NoOptions> {
    @Override public NoOptions defaultOptions() { return NoOptions.INSTANCE; }

    @Override public boolean run(Operation root, NoOptions options, PassState state) {
      java.util.List<Operation> adds = new java.util.ArrayList<>();
      root.walk(o -> {
        if (o.name().equals("nn.add")) adds.add(o);
      });
      Builder b = new Builder(state.context());
      for (Operation add : adds) {
        b.before(add);
        Operation sub = b.create(new OperationState("nn.sub", add.location()).operands(add.operands()).results(add.resultTypes()));
        add.result(0).replaceAllUsesWith(sub.result(0));
        add.erase();
      }
      return true;
    }
  }

  @Override public void registerPasses(PassRegistry registry) { registry.register(BreakAdd::new); }
}
