export * from './printer';
export * from './host-status';
export * from './tcp-printer';
export * from './virtual-printer';
export * from './fake-printer';
