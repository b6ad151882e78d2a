// The contract: the one border between the renderer and the main process. Every command the
// renderer may call (a zod schema for its input, the type of its output), every event main
// pushes, the views they carry and the errors, as data. Both transports (Electron IPC and the
// loopback browser host) are built from it.
export * from './errors';
export * from './messages';
export * from './views';
export * from './views-shipments';
export * from './views-returns';
export * from './views-packers';
export * from './views-day';
export * from './views-batch';
export * from './views-service-points';
export * from './views-warehouse';
export * from './warehouse-address';
export * from './commands';
export * from './events';
export * from './api';
export * from './printer-faults';
export * from './routing';
