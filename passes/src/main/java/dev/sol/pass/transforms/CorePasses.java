package dev.sol.pass.transforms;

import dev.sol.pass.PassProvider;
import dev.sol.pass.PassRegistry;

/** Registers the generic transforms of the passes module. */
public final class CorePasses implements PassProvider {
  @Override public void registerPasses(PassRegistry registry) {
    registry.register(CanonicalizePass::new)
        .register(CsePass::new)
        .register(DcePass::new)
        .register(SymbolDcePass::new)
        .register(InlinerPass::new)
        .register(LoopInvariantCodeMotionPass::new)
        .register(SccpPass::new)
        .register(dev.sol.pass.transforms.nn.NnFoldConstantsPass::new)
        .register(dev.sol.pass.transforms.nn.NnFoldBatchNormPass::new)
        .register(dev.sol.pass.transforms.nn.NnConv1dAs2dPass::new)
        .register(dev.sol.pass.transforms.nn.NnConv3dAs2dPass::new)
        .register(dev.sol.pass.transforms.nn.NnConvTransposePhasesPass::new)
        .register(dev.sol.pass.transforms.nn.NnAvgPoolFirstPass::new)
        .register(dev.sol.pass.transforms.nn.NnRaiseGeluPass::new)
        .register(dev.sol.pass.transforms.nn.NnFusePass::new);
  }
}
