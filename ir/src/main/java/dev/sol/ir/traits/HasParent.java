package dev.sol.ir.traits;

import java.util.List;

/** Must be directly nested in one of the listed operations. */
public interface HasParent {
  List<String> allowedParents();
}
