// Why a job of the outbox waits or needs attention (said by main).
export const outbox = {} as const;
