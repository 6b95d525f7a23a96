import type { LessonSpec } from './types';

/** The same fit with three gradient estimators: reparameterisation, score function (with baseline), STL. */
export const scoreVsReparam: LessonSpec = {
  id: 'score-vs-reparam',
  title: 'Score function or reparameterisation',
  link: 'target=correlated-gaussian&family=full-rank,full-rank,full-rank&estimator=reparam,score,stl&samples=8',
  text:
    'Three ways to take the gradient of the ELBO, E_q[f(θ)] with f = log p̃ − log q, from only 8 samples a step. ' +
    'Reparameterisation (run 1) writes θ = μ + Lε and differentiates through f: it needs ∇log p̃. ' +
    'The score function (run 2, REINFORCE) uses E_q[(f − b) ∇log q] and needs only values of f; b is a running-mean baseline. ' +
    'Far from p the score function is usually the noisier one. But a full-rank q can match this p, and at q = p f is the constant log Z: ' +
    'minus its baseline the score gradient vanishes, and so does STL’s (run 3, sticking the landing), so both settle below KL 0.01. ' +
    'Plain reparameterisation keeps a noisy gradient at the optimum and jitters. ' +
    'This page always uses a baseline; without one the score gradient keeps its noise even at q = p.',
  watch: 'The KL chart on its log axis: run 1 hovers, runs 2 and 3 dive. The gradient SNR of each run in its read-outs.',
  question: 'On the banana, q can no longer match p and f is no longer constant. Which estimator is noisiest there?',
  tries: [
    { label: 'The banana (q cannot match p)', change: { target: 'banana' } },
    { label: '64 samples a step', change: { samples: '64' } },
  ],
  claims: [
    { run: 1, reading: 'klQP', below: 0.01 },
    { run: 2, reading: 'klQP', below: 0.01 },
  ],
  source: 'Williams (1992); Kingma & Welling (2014); Roeder, Wu & Duvenaud (2017)',
};
