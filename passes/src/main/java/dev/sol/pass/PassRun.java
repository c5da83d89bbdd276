package dev.sol.pass;

import java.util.Map;

/** A pass in a pipeline, with its parsed options and the statistics of this occurrence. */
public record PassRun(Pass<Record> pass, Record options, Map<String, PassState.Statistic> statistics)
    implements PipelineElement {
  public String name() { return pass.info().name(); }
}
