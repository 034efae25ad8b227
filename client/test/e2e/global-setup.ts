import { ensureClientBuilt } from '../ensure-client-built';

// jest globalSetup of the `e2e` project: the H5 preview must be current and Chromium installed.
export default () => ensureClientBuilt('h5');
