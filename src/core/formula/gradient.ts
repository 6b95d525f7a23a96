import type { LogDensityGrad } from '../fast/types';
import { sigmoid, softplus } from '../targets/special';
import type { Expr } from './ast';
import { type Instruction, type Tape, X_SLOT, Y_SLOT, buildTape } from './tape';

/**
 * A typed formula's log p̃ and ∇log p̃ in plain JS: a forward sweep over the tape (tape.ts), then
 * reverse mode (adjoints, last instruction first). Buffers are [slot][point], grown only when a
 * larger batch arrives, so evaluation allocates nothing per point or per call. Where tfjs defines a
 * derivative by convention, so does this (its gradient kernels): |v|′ = −1 at v = 0 (step(v, −1)),
 * min′/max′ go to the first argument on a tie, b^v's ∂/∂b uses log b only where b > 0 (else 0),
 * and logsumexp passes softmax weights (its clipped shift carries no gradient in exact arithmetic).
 */

/** compile.ts's shift bound for logsumexp. */
const SHIFT_LIMIT = 1e30;

function forward(ins: Instruction, V: Float64Array, cap: number, n: number): void {
  const o = ins.out * cap;
  if (ins.kind === 'logsumexp') {
    const k = ins.args.length;
    for (let i = 0; i < n; i++) {
      let m = -Infinity;
      for (let j = 0; j < k; j++) m = Math.max(m, V[ins.args[j] * cap + i]);
      const shift = Math.min(SHIFT_LIMIT, Math.max(-SHIFT_LIMIT, m));
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(V[ins.args[j] * cap + i] - shift);
      V[o + i] = shift + Math.log(s);
    }
    return;
  }
  const a = ins.a * cap;
  if (ins.kind === 'unary') {
    // biome-ignore format: one line per op reads as a table
    switch (ins.op) {
      case 'neg': for (let i = 0; i < n; i++) V[o + i] = -V[a + i]; return;
      case 'exp': for (let i = 0; i < n; i++) V[o + i] = Math.exp(V[a + i]); return;
      case 'log': for (let i = 0; i < n; i++) V[o + i] = Math.log(V[a + i]); return;
      case 'sqrt': for (let i = 0; i < n; i++) V[o + i] = Math.sqrt(V[a + i]); return;
      case 'abs': for (let i = 0; i < n; i++) V[o + i] = Math.abs(V[a + i]); return;
      case 'sin': for (let i = 0; i < n; i++) V[o + i] = Math.sin(V[a + i]); return;
      case 'cos': for (let i = 0; i < n; i++) V[o + i] = Math.cos(V[a + i]); return;
      case 'tan': for (let i = 0; i < n; i++) V[o + i] = Math.tan(V[a + i]); return;
      case 'tanh': for (let i = 0; i < n; i++) V[o + i] = Math.tanh(V[a + i]); return;
      case 'sigmoid': for (let i = 0; i < n; i++) V[o + i] = sigmoid(V[a + i]); return;
      case 'softplus': for (let i = 0; i < n; i++) V[o + i] = softplus(V[a + i]); return;
      case 'log1p': for (let i = 0; i < n; i++) V[o + i] = Math.log1p(V[a + i]); return;
      case 'expm1': for (let i = 0; i < n; i++) V[o + i] = Math.expm1(V[a + i]); return;
      case 'square': for (let i = 0; i < n; i++) V[o + i] = V[a + i] * V[a + i]; return;
    }
  }
  const b = ins.b * cap;
  // biome-ignore format: one line per op reads as a table
  switch (ins.op) {
    case 'add': for (let i = 0; i < n; i++) V[o + i] = V[a + i] + V[b + i]; return;
    case 'sub': for (let i = 0; i < n; i++) V[o + i] = V[a + i] - V[b + i]; return;
    case 'mul': for (let i = 0; i < n; i++) V[o + i] = V[a + i] * V[b + i]; return;
    case 'div': for (let i = 0; i < n; i++) V[o + i] = V[a + i] / V[b + i]; return;
    case 'pow': for (let i = 0; i < n; i++) V[o + i] = V[a + i] ** V[b + i]; return;
    case 'min': for (let i = 0; i < n; i++) V[o + i] = Math.min(V[a + i], V[b + i]); return;
    case 'max': for (let i = 0; i < n; i++) V[o + i] = Math.max(V[a + i], V[b + i]); return;
  }
}

/** Adds each instruction's contribution to its arguments' adjoints G (chain rule, one op). */
function backward(ins: Instruction, V: Float64Array, G: Float64Array, cap: number, n: number, isConstant: readonly boolean[]): void {
  const o = ins.out * cap;
  if (ins.kind === 'logsumexp') {
    // ∂ lse/∂aⱼ = e^{aⱼ − lse}
    for (const slot of ins.args) {
      if (isConstant[slot]) continue;
      const a = slot * cap;
      for (let i = 0; i < n; i++) G[a + i] += G[o + i] * Math.exp(V[a + i] - V[o + i]);
    }
    return;
  }
  const a = ins.a * cap;
  if (ins.kind === 'unary') {
    // biome-ignore format: one line per op reads as a table
    switch (ins.op) {
      case 'neg': for (let i = 0; i < n; i++) G[a + i] -= G[o + i]; return;
      case 'exp': for (let i = 0; i < n; i++) G[a + i] += G[o + i] * V[o + i]; return;
      case 'log': for (let i = 0; i < n; i++) G[a + i] += G[o + i] / V[a + i]; return;
      case 'sqrt': for (let i = 0; i < n; i++) G[a + i] += G[o + i] / (2 * V[o + i]); return;
      case 'abs': for (let i = 0; i < n; i++) G[a + i] += V[a + i] > 0 ? G[o + i] : -G[o + i]; return;
      case 'sin': for (let i = 0; i < n; i++) G[a + i] += G[o + i] * Math.cos(V[a + i]); return;
      case 'cos': for (let i = 0; i < n; i++) G[a + i] -= G[o + i] * Math.sin(V[a + i]); return;
      case 'tan': for (let i = 0; i < n; i++) G[a + i] += G[o + i] / Math.cos(V[a + i]) ** 2; return;
      case 'tanh': for (let i = 0; i < n; i++) G[a + i] += G[o + i] * (1 - V[o + i] * V[o + i]); return;
      case 'sigmoid': for (let i = 0; i < n; i++) G[a + i] += G[o + i] * V[o + i] * (1 - V[o + i]); return;
      case 'softplus': for (let i = 0; i < n; i++) G[a + i] += G[o + i] * sigmoid(V[a + i]); return;
      case 'log1p': for (let i = 0; i < n; i++) G[a + i] += G[o + i] / (V[a + i] + 1); return;
      case 'expm1': for (let i = 0; i < n; i++) G[a + i] += G[o + i] * Math.exp(V[a + i]); return;
      case 'square': for (let i = 0; i < n; i++) G[a + i] += 2 * G[o + i] * V[a + i]; return;
    }
  }
  const b = ins.b * cap;
  // An argument that is a folded constant needs no adjoint (and pow's would take log of it).
  const wantA = !isConstant[ins.a];
  const wantB = !isConstant[ins.b];
  switch (ins.op) {
    case 'add':
    case 'sub': {
      const sign = ins.op === 'add' ? 1 : -1;
      for (let i = 0; i < n; i++) {
        if (wantA) G[a + i] += G[o + i];
        if (wantB) G[b + i] += sign * G[o + i];
      }
      return;
    }
    case 'mul':
      for (let i = 0; i < n; i++) {
        if (wantA) G[a + i] += G[o + i] * V[b + i];
        if (wantB) G[b + i] += G[o + i] * V[a + i];
      }
      return;
    case 'div':
      for (let i = 0; i < n; i++) {
        if (wantA) G[a + i] += G[o + i] / V[b + i];
        if (wantB) G[b + i] -= (G[o + i] * V[a + i]) / (V[b + i] * V[b + i]);
      }
      return;
    case 'pow':
      // ∂/∂a = b·a^{b−1}; ∂/∂b = a^b·log a where a > 0, else 0 (tfjs's Pow gradient)
      for (let i = 0; i < n; i++) {
        if (wantA) G[a + i] += G[o + i] * V[b + i] * V[a + i] ** (V[b + i] - 1);
        if (wantB) G[b + i] += V[a + i] > 0 ? G[o + i] * V[o + i] * Math.log(V[a + i]) : 0;
      }
      return;
    case 'min':
    case 'max': {
      // the first argument wins a tie (tfjs: lessEqual / greaterEqual for a, the strict test for b)
      const s = ins.op === 'min' ? 1 : -1;
      for (let i = 0; i < n; i++) {
        const aWins = s * V[a + i] <= s * V[b + i];
        if (wantA && aWins) G[a + i] += G[o + i];
        if (wantB && !aWins) G[b + i] += G[o + i];
      }
      return;
    }
  }
}

/** log p̃ and ∇log p̃ of a parsed formula at n points of dimension `dim` (LogDensityGrad). */
export function formulaLogDensityGrad(ast: Expr, dim: 1 | 2): LogDensityGrad {
  const tape: Tape = buildTape(ast);
  const { slots, instructions, result, isConstant } = tape;
  let cap = 0;
  let V = new Float64Array(0);
  let G = new Float64Array(0);
  return (z, n, _params, logp, grad) => {
    if (n > cap) {
      cap = Math.max(n, 2 * cap);
      V = new Float64Array(slots * cap);
      G = new Float64Array(slots * cap);
      for (const [slot, value] of tape.constants) V.fill(value, slot * cap, (slot + 1) * cap);
    }
    if (typeof result !== 'number') {
      logp.fill(result.constant, 0, n);
      grad.fill(0, 0, n * dim);
      return;
    }
    for (let i = 0; i < n; i++) {
      V[X_SLOT * cap + i] = z[i * dim];
      if (dim === 2) V[Y_SLOT * cap + i] = z[i * dim + 1];
    }
    for (const ins of instructions) forward(ins, V, cap, n);
    G.fill(0);
    const r = result * cap;
    for (let i = 0; i < n; i++) {
      logp[i] = V[r + i];
      G[r + i] = 1;
    }
    for (let k = instructions.length - 1; k >= 0; k--) backward(instructions[k], V, G, cap, n, isConstant);
    for (let i = 0; i < n; i++) {
      grad[i * dim] = G[X_SLOT * cap + i];
      if (dim === 2) grad[i * dim + 1] = G[Y_SLOT * cap + i];
    }
  };
}
