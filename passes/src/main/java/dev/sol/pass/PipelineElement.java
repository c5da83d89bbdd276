package dev.sol.pass;

/** One element of a pipeline: a pass, or a nested pipeline on inner operations. */
public sealed interface PipelineElement permits PassRun, OpPassManager {}
