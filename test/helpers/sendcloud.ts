import { SendcloudError } from '../../src-main/sendcloud/errors';

/** The SendcloudError a call rejects with; fails the test if it resolves or throws anything else. */
export async function caught(promise: Promise<unknown>): Promise<SendcloudError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SendcloudError) return error;
    throw error;
  }
  throw new Error('expected a SendcloudError');
}
