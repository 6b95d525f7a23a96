// Unit tests run core on the tfjs cpu backend in Node, exactly as the CLI does.
import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../tf';

tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');
