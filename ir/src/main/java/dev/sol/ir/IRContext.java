package dev.sol.ir;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Owns what is shared by all IR of one compilation: the loaded dialects and their
 * operations, the diagnostics engine and the unregistered-dialect policy. No global state.
 */
public final class IRContext {
  private final Map<String, Dialect> dialects = new TreeMap<>();
  private final Map<String, OpSpec> ops = new HashMap<>();
  private final Diagnostics diagnostics = new Diagnostics();
  private boolean allowUnregisteredDialects;

  public IRContext loadDialect(Dialect dialect) {
    if (dialects.putIfAbsent(dialect.namespace(), dialect) == null) {
      for (OpSpec s : dialect.operations()) ops.put(s.name(), s);
    }
    return this;
  }

  public Collection<Dialect> dialects() { return dialects.values(); }

  public Dialect dialect(String namespace) { return dialects.get(namespace); }

  public OpSpec lookupOp(String name) { return ops.get(name); }

  public Diagnostics diagnostics() { return diagnostics; }

  public boolean allowsUnregisteredDialects() { return allowUnregisteredDialects; }

  public IRContext setAllowUnregisteredDialects(boolean allow) {
    allowUnregisteredDialects = allow;
    return this;
  }
}
