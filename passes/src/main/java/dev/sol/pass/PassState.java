package dev.sol.pass;

import dev.sol.ir.IRContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What a running pass may use: the context and its named statistics. */
public final class PassState {
  private final IRContext context;
  private final Map<String, Statistic> statistics;

  /** A counter shown by {@code --pass-statistics}. */
  public record Statistic(String name, String description, AtomicLong value) {
    public void add(long n) { value.addAndGet(n); }
    public void increment() { value.incrementAndGet(); }
  }

  PassState(IRContext context, Map<String, Statistic> statistics) {
    this.context = context;
    this.statistics = statistics;
  }

  public IRContext context() { return context; }

  /** The statistic {@code name} of this pass instance, created on first use. */
  public Statistic statistic(String name, String description) {
    return statistics.computeIfAbsent(name, n -> new Statistic(n, description, new AtomicLong()));
  }

  static Map<String, Statistic> newStatistics() { return new ConcurrentHashMap<>(); }
}
