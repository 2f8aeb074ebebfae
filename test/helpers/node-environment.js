// Jest's node environment, with the typed arrays of Node's own realm: onnxruntime-node's native
// binding makes its output tensors there, and onnxruntime-common checks them with `instanceof`,
// which fails against the test realm's copies ("A float32 tensor's data must be type of ...").
const { TestEnvironment } = require('jest-environment-node');

class NodeRealmEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of [
      'Float32Array',
      'Float64Array',
      'Int8Array',
      'Uint8Array',
      'Int16Array',
      'Uint16Array',
      'Int32Array',
      'Uint32Array',
      'BigInt64Array',
      'BigUint64Array',
      'ArrayBuffer',
    ]) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = NodeRealmEnvironment;
