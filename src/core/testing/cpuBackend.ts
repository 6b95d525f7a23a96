// Unit tests run core on the tfjs cpu backend in Node, exactly as the CLI does.
import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../tf';

// Production mode, not IS_TEST: in test mode tfjs appends to a bookkeeping array at every kernel
// and never shrinks it, so long tests (10,000-step leak checks) slow down and grow the heap.
tf.enableProdMode();
await tf.setBackend('cpu');
