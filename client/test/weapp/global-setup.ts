import { ensureClientBuilt } from '../ensure-client-built';

// jest globalSetup of the `weapp` project: the compiled mini-program must be current.
export default () => ensureClientBuilt('weapp');
