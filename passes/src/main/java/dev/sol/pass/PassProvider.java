package dev.sol.pass;

/** Registers a module's passes; listed in {@code META-INF/services/dev.sol.pass.PassProvider}. */
public interface PassProvider {
  void registerPasses(PassRegistry registry);
}
