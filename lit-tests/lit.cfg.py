# lit configuration for SOL's tool tests (LLVM lit + FileCheck, MLIR conventions).
import os
import shutil

import lit.formats

config.name = "SOL"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir"]
config.excludes = ["Inputs", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.test_source_root, "..", "lit-tests", "target", "lit")

root = os.path.abspath(os.path.join(config.test_source_root, ".."))
for tool in ("sol-opt", "sol-import", "sol-run", "sol-translate", "sol-cache"):
    config.substitutions.append(("%" + tool, os.path.join(root, "bin", tool)))
config.substitutions.append(("%compare-builds", os.path.join(root, "scripts", "compare_builds.sh")))
config.substitutions.append(("%sol-root", root))

# FileCheck, not and count come from the newest installed LLVM tools.
llvm_bin = next((d for d in ("/usr/lib/llvm-16/bin", "/usr/lib/llvm-15/bin", "/usr/lib/llvm-14/bin")
                 if os.path.exists(os.path.join(d, "FileCheck"))), None)
if llvm_bin is None:
    lit_config.fatal("FileCheck not found: install llvm-16-tools (apt-get install llvm-16-tools)")
config.environment["PATH"] = llvm_bin + os.pathsep + os.environ.get("PATH", "")
for var in ("JAVA_HOME", "HOME"):
    if var in os.environ:
        config.environment[var] = os.environ[var]
# The tools keep compiled models in a cache; the tests' own, so that they leave the user's alone.
config.environment["SOL_CACHE_DIR"] = os.path.join(config.test_exec_root, "sol-cache")

mlir_opt = shutil.which("mlir-opt-16") or (os.path.exists("/usr/lib/llvm-16/bin/mlir-opt") and "/usr/lib/llvm-16/bin/mlir-opt")
if mlir_opt:
    config.available_features.add("mlir-opt-16")
    config.substitutions.append(("%mlir-opt", mlir_opt))
