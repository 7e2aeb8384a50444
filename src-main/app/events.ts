import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../src-shared/contract/index.js';

export type EventListener = <N extends EventName>(name: N, payload: EventPayload<N>) => void;

/** Push events to every door (IPC windows, WebSocket clients). */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(100);
  }
  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    this.emitter.emit('event', name, payload);
  }
  subscribe(listener: EventListener): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
