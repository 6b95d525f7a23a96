"""Test-only: evaluates the exported scripts' log_density with numpy standing in for the libraries.

NumPyro, JAX, PyMC and PyTensor are not installed where the tests run, so this puts small stand-in
modules on sys.modules before a script is imported: jax.numpy, jax.nn, jax.scipy and
pytensor.tensor expose exactly the functions the export's printer spells (src/core/export/python.ts)
with numpy/scipy behind them, so a misspelt name fails; everything else a script imports at the
top (numpyro.*, pymc, ...) is an inert stub, which is enough because only log_density is called.

Usage: python3 shim.py cases.json  ->  prints {"name": [log p at each point], ...} as JSON.
"""

import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
import types

import numpy as np
import scipy.special as sp
import scipy.stats as st


class Stub(types.ModuleType):
    """Any attribute, any call: an inert stand-in for what a script only names at import time."""

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Stub(f"{self.__name__}.{name}")

    def __call__(self, *args, **kwargs):
        return Stub(f"{self.__name__}()")


class StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    ROOTS = ("numpyro", "pymc", "pytensor", "jax")

    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] not in self.ROOTS or fullname in sys.modules:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec):
        return Stub(spec.name)

    def exec_module(self, module):
        pass


def softplus(x):
    return np.logaddexp(0.0, x)


def module(name, parent=None, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    if parent is not None:
        setattr(parent, name.rsplit(".", 1)[1], m)
    return m


ELEMENTWISE = ["exp", "log", "sqrt", "abs", "sin", "cos", "tan", "tanh", "log1p", "expm1", "minimum", "maximum", "stack"]

class Array:
    """Only so that scipy's array-API checks, which look for jax.Array once a jax module exists, find one."""


jax = module("jax", random=Stub("jax.random"), Array=Array)
module("jax.numpy", jax, **{n: getattr(np, n) for n in ELEMENTWISE})
module("jax.nn", jax, sigmoid=sp.expit, softplus=softplus)
jax_scipy = module("jax.scipy", jax)
module("jax.scipy.special", jax_scipy, logsumexp=sp.logsumexp, log_ndtr=sp.log_ndtr)
module("jax.scipy.stats", jax_scipy, norm=types.SimpleNamespace(logpdf=st.norm.logpdf))

pytensor = module("pytensor", gradient=Stub("pytensor.gradient"), function=Stub("pytensor.function"))
module(
    "pytensor.tensor",
    pytensor,
    sigmoid=sp.expit,
    softplus=softplus,
    logsumexp=sp.logsumexp,
    vector=Stub("pytensor.tensor.vector"),
    **{n: getattr(np, n) for n in ELEMENTWISE},
)
pymc = module("pymc")
distributions = module("pymc.distributions", pymc)
module("pymc.distributions.dist_math", distributions, normal_lcdf=lambda mu, sigma, x: st.norm.logcdf((x - mu) / sigma))

sys.meta_path.insert(0, StubFinder())


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    out = {}
    for i, case in enumerate(cases):
        spec = importlib.util.spec_from_file_location(f"exported_{i}", case["file"])
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        theta = np.array(case["points"], dtype=float).T  # (dim, n): theta[0] is every point's x
        with np.errstate(all="ignore"):
            values = np.broadcast_to(mod.log_density(theta), (theta.shape[1],))
        out[case["name"]] = [float(v) for v in values]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
