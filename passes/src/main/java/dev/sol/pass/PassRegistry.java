package dev.sol.pass;

import java.util.Collection;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The passes and named pipelines that pipelines may mention. SOL's own passes register
 * through {@link PassProvider}s found with {@link ServiceLoader}, so plugins on the class
 * path add passes the same way.
 */
public final class PassRegistry {
  /** A registered pass: its declaration and a factory. */
  public record Entry(PassInfo info, Supplier<Pass<?>> factory) {}

  /** A named pipeline such as {@code sol-cpu}: a pipeline text to expand. */
  public record NamedPipeline(String name, String summary, String pipeline) {}

  private final TreeMap<String, Entry> passes = new TreeMap<>();
  private final TreeMap<String, NamedPipeline> pipelines = new TreeMap<>();

  /** A registry with every pass that the class path provides. */
  public static PassRegistry loadAll() {
    PassRegistry r = new PassRegistry();
    for (PassProvider p : ServiceLoader.load(PassProvider.class)) p.registerPasses(r);
    return r;
  }

  public PassRegistry register(Supplier<Pass<?>> factory) {
    Pass<?> sample = factory.get();
    PassInfo info = sample.info();
    if (passes.putIfAbsent(info.name(), new Entry(info, factory)) != null) {
      throw new IllegalStateException("pass '" + info.name() + "' registered twice");
    }
    return this;
  }

  public PassRegistry registerPipeline(String name, String summary, String pipeline) {
    pipelines.put(name, new NamedPipeline(name, summary, pipeline));
    return this;
  }

  public Entry lookup(String name) { return passes.get(name); }

  public NamedPipeline lookupPipeline(String name) { return pipelines.get(name); }

  public Collection<Entry> passes() { return passes.values(); }

  public Collection<NamedPipeline> pipelines() { return pipelines.values(); }
}
