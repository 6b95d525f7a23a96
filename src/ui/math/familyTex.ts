import { formatValue } from '../format';

/**
 * q's density in TeX with its current parameter values written in (docs/math.md#the-math-on-screen).
 * Numbers go through formatValue (4 significant digits, as everywhere on screen), then into TeX
 * with an ASCII minus; only digits and our own fixed strings reach KaTeX.
 */

type Params = Readonly<Record<string, readonly number[] | readonly (readonly number[])[]>>;

/** A number as TeX: formatValue's digits with '-' for its true minus sign (KaTeX spaces it as a binary minus otherwise). */
export function texNumber(v: number): string {
  const s = formatValue(v).replace(/−/g, '-');
  if (s === '∞' || s === '-∞') return s.replace('∞', String.raw`\infty`);
  if (s === 'NaN') return String.raw`\mathrm{NaN}`;
  // 1.2e-7 → 1.2 \times 10^{-7}
  const m = s.match(/^(-?[\d.]+)e([+-]?\d+)$/);
  return m ? String.raw`${m[1]} \times 10^{${Number(m[2])}}` : s;
}

/** A vector as (a, b); a single number bare. */
export function texVector(v: readonly number[]): string {
  return v.length === 1 ? texNumber(v[0]) : `(${v.map(texNumber).join(',\\ ')})`;
}

/** A matrix as a pmatrix; a 1×1 one bare. */
export function texMatrix(m: readonly (readonly number[])[]): string {
  if (m.length === 1 && m[0].length === 1) return texNumber(m[0][0]);
  return String.raw`\begin{pmatrix}${m.map((row) => row.map(texNumber).join(' & ')).join(String.raw`\\`)}\end{pmatrix}`;
}

const vec = (p: Params, name: string): number[] | null => {
  const v = p[name];
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null;
};
const mat = (p: Params, name: string): number[][] | null => {
  const v = p[name];
  return Array.isArray(v) && v.every((r) => Array.isArray(r)) ? (v as number[][]) : null;
};

/** Σ = L Lᵀ for a lower-triangular L. */
export function lowerTimesTranspose(L: readonly (readonly number[])[]): number[][] {
  return L.map((ri) => L.map((rj) => ri.reduce((s, v, k) => s + v * (rj[k] ?? 0), 0)));
}

const N = String.raw`\mathcal{N}`;

/**
 * q(θ) with its parameters in TeX, by family id; a family without an entry here shows its named
 * parameters (so a new family file still gets a truthful line). dim is the target's dimension.
 */
export function familyTex(id: string, params: Params, dim: number): string {
  const mu = vec(params, 'mu');
  const sigma = vec(params, 'sigma');
  switch (id) {
    case 'mean-field':
      if (!mu || !sigma) break;
      return dim === 1
        ? String.raw`q(\theta) = ${N}\big(\theta;\ \mu = ${texNumber(mu[0])},\ \sigma^2 = ${texNumber(sigma[0] ** 2)}\big)`
        : String.raw`q(\theta) = ${N}\big(\theta;\ \mu = ${texVector(mu)},\ \operatorname{diag}\sigma^2 = ${texVector(sigma.map((s) => s * s))}\big)`;
    case 'full-rank': {
      const L = mat(params, 'L');
      if (!mu || !L) break;
      return String.raw`q(\theta) = ${N}\left(\theta;\ \mu = ${texVector(mu)},\ \Sigma = LL^{\top} = ${texMatrix(lowerTimesTranspose(L))}\right)`;
    }
    case 'laplace-approx': {
      const cov = mat(params, 'cov');
      if (!mu || !cov) break;
      return String.raw`q(\theta) = ${N}\left(\theta;\ \hat\theta = ${texVector(mu)},\ \Sigma = \big(-\nabla^2 \log \tilde p(\hat\theta)\big)^{-1} = ${texMatrix(cov)}\right)`;
    }
    case 'student-t': {
      const L = mat(params, 'L');
      const nu = vec(params, 'nu');
      if (!mu || !L || !nu) break;
      return String.raw`q(\theta) = t_{\nu}\left(\theta;\ \mu = ${texVector(mu)},\ LL^{\top} = ${texMatrix(lowerTimesTranspose(L))}\right),\quad \nu = ${texNumber(nu[0])}`;
    }
    case 'laplace': {
      const b = vec(params, 'b');
      if (!mu || !b) break;
      return String.raw`q(\theta) = \prod_{j} \mathrm{Laplace}(\theta_j;\ \mu_j, b_j),\quad \mu = ${texVector(mu)},\ b = ${texVector(b)}`;
    }
    case 'mixture': {
      const w = vec(params, 'weights');
      const mus = mat(params, 'mu');
      const sigmas = mat(params, 'sigma');
      if (!w || !mus || !sigmas) break;
      const rows = w.map(
        (p, k) => String.raw`\pi_{${k + 1}} = ${texNumber(p)},\ \mu_{${k + 1}} = ${texVector(mus[k])},\ \sigma^2_{${k + 1}} = ${texVector(sigmas[k].map((s) => s * s))}`,
      );
      return String.raw`q(\theta) = \sum_{k=1}^{${w.length}} \pi_k\, ${N}(\theta;\ \mu_k, \operatorname{diag}\sigma_k^2),\quad \begin{array}{l}${rows.join(String.raw`\\`)}\end{array}`;
    }
    case 'point-mass':
      if (!mu) break;
      return String.raw`q(\theta) = \delta(\theta - \hat\theta),\quad \hat\theta = \arg\max_\theta \log \tilde p(\theta) \approx ${texVector(mu)}`;
    case 'svgd': {
      const particles = mat(params, 'particles');
      if (!particles) break;
      return String.raw`q(\theta) = \frac{1}{n}\sum_{i=1}^{n} \delta(\theta - \theta_i),\quad n = ${particles.length}`;
    }
    case 'planar-flow':
    case 'radial-flow':
    case 'realnvp': {
      if (!mu || !sigma) break;
      const layers = id === 'realnvp' ? (vec(params, 'couplings')?.[0] ?? 0) : (mat(params, 'w') ?? mat(params, 'z0') ?? []).length;
      const step =
        id === 'planar-flow'
          ? String.raw`f_k(z) = z + u_k \tanh(w_k^{\top} z + b_k)`
          : id === 'radial-flow'
            ? String.raw`f_k(z) = z + \frac{\beta_k}{\alpha_k + \lVert z - z_{0k}\rVert}(z - z_{0k})`
            : String.raw`f_k:\ z_b \mapsto z_b \odot e^{s_k(z_a)} + t_k(z_a)`;
      return String.raw`\theta = f_{${layers}} \circ \cdots \circ f_1(z),\quad ${step},\quad z \sim ${N}\big(${texVector(mu)},\ \operatorname{diag}\sigma^2 = ${texVector(sigma.map((s) => s * s))}\big)`;
    }
  }
  // Any other family: its parameters by name, vectors and matrices as they are.
  const listed = Object.entries(params)
    .filter(([, v]) => v.length <= 4)
    .map(([name, v]) => String.raw`\mathrm{${name.replace(/[^A-Za-z0-9]/g, '')}} = ${Array.isArray(v[0]) ? texMatrix(v as number[][]) : texVector(v as number[])}`);
  return String.raw`q_\phi(\theta)${listed.length > 0 ? `,\\quad ${listed.join(',\\ ')}` : ''}`;
}
