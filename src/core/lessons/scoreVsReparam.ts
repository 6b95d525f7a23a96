import type { LessonSpec } from './types';

/** The same fit with four gradient estimators: reparameterisation, score function with and without baseline, STL. */
export const scoreVsReparam: LessonSpec = {
  id: 'score-vs-reparam',
  title: 'Score function or reparameterisation',
  link: 'target=correlated-gaussian&family=full-rank,full-rank,full-rank,full-rank&estimator=reparam,score,stl,score-plain&samples=8',
  text:
    'Four gradients of the ELBO, E_q[f(θ)] with f = log p̃ − log q, from 8 samples a step. ' +
    'Reparameterisation (run 1) writes θ = μ + Lε and differentiates through f: it needs ∇log p̃. ' +
    'The score function (REINFORCE) uses E_q[(f − b) ∇log q] and needs only values of f: run 2 with a running-mean baseline b, run 4 with none. ' +
    'A full-rank q can match this p, and at q = p f is the constant log Z (0 for this normalised p): the score gradient vanishes there, ' +
    'and so does STL’s (run 3, sticking the landing), so runs 2 and 3 settle below KL 0.01. Reparameterisation keeps some noise and jitters. ' +
    'The baseline matters when log Z is not 0: adding a constant to log p̃ changes neither p nor the pathwise gradient, but without a baseline it multiplies the score gradient’s noise.',
  watch: 'The KL chart on its log axis: run 1 hovers, runs 2 and 3 dive. The gradient SNR of each run in its read-outs.',
  question: 'On the banana, q can no longer match p and f is no longer constant. Which estimator is noisiest there?',
  tries: [
    { label: 'Add 10 to log p̃ (run 4 stays noisy)', change: { target: 'formula', formula: '-(x^2 + y^2)/2 + 10', domain: '-6,6,-6,6' } },
    { label: 'The banana (q cannot match p)', change: { target: 'banana' } },
  ],
  claims: [
    { run: 1, reading: 'klQP', below: 0.01 },
    { run: 2, reading: 'klQP', below: 0.01 },
  ],
  source: 'Williams (1992); Kingma & Welling (2014); Roeder, Wu & Duvenaud (2017)',
};
