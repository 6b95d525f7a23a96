import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { tf } from '../core/tf';
import { activate } from './backends';

/** The live WebGL context of the tfjs webgl backend: whether it is lost, and a way to lose it (drills). */
export interface WebglWatch {
  /** True once the context is lost; set by the browser before the event is delivered. */
  lost(): boolean;
  /** Lose the context on purpose (WEBGL_lose_context); false where the extension is missing. */
  lose(): boolean;
  stop(): void;
}

/**
 * Watch the active webgl backend's context (an OffscreenCanvas in the worker) for loss. Returns
 * null when tfjs is not on webgl. tfjs itself only forgets its cached context on loss; the
 * tensors on the old context are gone, so the host must rebuild its runs elsewhere.
 */
export function watchWebgl(onLost: () => void): WebglWatch | null {
  if (tf.getBackend() !== 'webgl') return null;
  const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl;
  const canvas = gl.canvas;
  const listener = () => onLost();
  canvas.addEventListener('webglcontextlost', listener);
  return {
    lost: () => gl.isContextLost(),
    lose() {
      const ext = gl.getExtension('WEBGL_lose_context');
      ext?.loseContext();
      return ext !== null;
    },
    stop: () => canvas.removeEventListener('webglcontextlost', listener),
  };
}

/**
 * Leave a lost webgl backend for cpu. The webgl backend is removed from the registry, so a later
 * `backend=webgl` or `auto` in this worker finds it unavailable and stays on cpu (a respawned
 * worker registers it afresh).
 */
export async function abandonWebgl(): Promise<void> {
  try {
    tf.removeBackend('webgl');
  } catch {
    // Disposing a backend whose context is gone may fail; it is unreachable either way.
  }
  if (!(await activate('cpu'))) throw new Error('the cpu backend could not start after WebGL was lost');
}
